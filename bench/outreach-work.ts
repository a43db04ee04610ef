/**
 * Outreach work benchmark (`npm run bench`): imports BENCH_OUTREACH_ADS generated ads (default 20,000)
 * in batches of BENCH_OUTREACH_BATCH (default 1,000) through the import core (analysis, encryption,
 * keyed clustering keys, incremental clustering of each batch's neighbourhood), then re-imports the
 * first batch unchanged, and measures the worklist, a cluster page, today's contact list and the funnel
 * through the real HTTP API (p50/p95 over BENCH_OUTREACH_REQUESTS requests), on the embedded PGlite and
 * on PostgreSQL (a scratch database on BENCH_POSTGRES_URL / DATABASE_URL / the local server).
 * Prints JSON lines on stdout, progress on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { systemActor } from '../src/access/actor.ts';
import { openServices } from '../src/app-services.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/demo-directory.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { buildServer } from '../src/http/server.ts';
import { totpCode } from '../src/identity/totp.ts';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';
import { readAllAds } from '../src/outreach/io/read-ads.ts';
import { importAdBatch } from '../src/outreach-work/import/import-ads.ts';

const ADS = Number(process.env.BENCH_OUTREACH_ADS ?? 20_000);
const BATCH = Number(process.env.BENCH_OUTREACH_BATCH ?? 1000);
const REQUESTS = Number(process.env.BENCH_OUTREACH_REQUESTS ?? 100);
const TARGETS = (process.env.BENCH_OUTREACH_TARGETS ?? 'pglite,postgres').split(',');
const PG_URL = process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const report = (data: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'outreach-work', ...data })}\n`);

async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `baken_bench_outreach_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    report({ database: 'postgres', skipped: `no PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//***@')}: ${(e as Error).message}` });
    return null;
  }
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function run(target: 'pglite' | 'postgres', adsFile: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-outreach-'));
  const scratch = target === 'postgres' ? await scratchPostgres() : null;
  if (target === 'postgres' && !scratch) return;
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ ...process.env, DATABASE_URL: scratch?.url ?? '', BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BAKEN_LOGIN_RATE_PER_MINUTE: '10000', BAKEN_JOBS: 'false' });
  const services = await openServices(config, { logger });
  try {
    await seedDemo(services);
    const ads = (await readAllAds(adsFile)).ads;
    const ctx = { ...services, actor: systemActor('bench'), origin: { ip: null, requestId: null } };
    const batchMs: number[] = [];
    const t0 = performance.now();
    for (let from = 0; from < ads.length; from += BATCH) {
      const start = performance.now();
      await importAdBatch(ctx, ads.slice(from, from + BATCH), { importId: null });
      batchMs.push(performance.now() - start);
      if (batchMs.length % 5 === 0) process.stderr.write(`  [${target}] imported ${Math.min(from + BATCH, ads.length).toLocaleString('en')} / ${ads.length.toLocaleString('en')}\n`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const again = performance.now();
    await importAdBatch(ctx, ads.slice(0, BATCH), { importId: null });
    const unchangedMs = performance.now() - again;
    const clusters = await services.db.selectFrom('outreach_clusters').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    report({
      database: target,
      ads: ads.length,
      batch: BATCH,
      importSeconds: +seconds.toFixed(1),
      adsPerSecond: Math.round(ads.length / seconds),
      firstBatchMs: Math.round(batchMs[0]!),
      lastBatchMs: Math.round(batchMs.at(-1)!),
      batchP50Ms: Math.round(pct(batchMs, 50)),
      batchP95Ms: Math.round(pct(batchMs, 95)),
      unchangedBatchMs: Math.round(unchangedMs),
      clusters: Number(clusters.n),
    });
    await sql`analyze`.execute(services.db);

    const app = await buildServer(config, { services, ready: true }, logger);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'outreach-worker@baken.example', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    await fetch(`${base}/api/auth/second-factor`, { method: 'POST', headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }) });
    const top = await services.db.selectFrom('outreach_clusters').select('id').orderBy('score', 'desc').limit(20).execute();

    async function measure(name: string, url: (i: number) => string) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS + 10; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${url(i)}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        if (i >= 10) times.push(performance.now() - start);
      }
      report({ database: target, query: name, requests: times.length, p50Ms: +pct(times, 50).toFixed(1), p95Ms: +pct(times, 95).toFixed(1) });
    }
    await measure('health (baseline)', () => '/api/health');
    await measure('worklist, first page', () => '/api/outreach/clusters');
    await measure('worklist, filtered by language', (i) => `/api/outreach/clusters?language=${['nl', 'en', 'ro', 'es'][i % 4]}`);
    await measure('cluster page (top 20 clusters)', (i) => `/api/outreach/clusters/${top[i % top.length]!.id}`);
    await measure("today's contact list", () => '/api/outreach/today');
    await measure('funnel, 12 weeks', () => '/api/outreach/funnel?weeks=12');
    await app.close();
  } finally {
    await services.database.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-outreach-ads-'));
try {
  const adsFile = path.join(dir, 'ads.jsonl');
  await generateCorpus({ ads: ADS, seed: 'bench-outreach-work', out: adsFile, truth: path.join(dir, 'truth.jsonl') });
  for (const target of TARGETS) await run(target as 'pglite' | 'postgres', adsFile);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
