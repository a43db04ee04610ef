/**
 * Referral-mechanism benchmark (`npm run bench`): with BENCH_NRM_CASES cases (default 100,000) and
 * BENCH_NRM_AUDIT audit entries (default 1,000,000), the p50/p95 latency of the case list with
 * filters, the triage queue and search by case number or name, through the real HTTP API (a
 * listening server and fetch), on the embedded PGlite and on PostgreSQL (BENCH_POSTGRES_URL, else
 * DATABASE_URL, else the local server; a scratch database is created and dropped). Prints JSON lines
 * on stdout, progress on stderr. Target: p95 < 50 ms on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { openServices } from '../src/app-services.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/demo-directory.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { buildServer } from '../src/http/server.ts';
import { totpCode } from '../src/identity/totp.ts';
import { appendAuditEntries, insertCases } from './nrm-data.ts';

const CASES = Number(process.env.BENCH_NRM_CASES ?? 100_000);
const AUDIT = Number(process.env.BENCH_NRM_AUDIT ?? 1_000_000);
const OPEN_SIGNALS = Number(process.env.BENCH_NRM_OPEN_SIGNALS ?? 1000);
const REQUESTS = Number(process.env.BENCH_NRM_REQUESTS ?? 200);
const TARGETS = (process.env.BENCH_NRM_TARGETS ?? 'pglite,postgres').split(',');
const PG_URL = process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const report = (data: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'nrm', ...data })}\n`);
const progress = (label: string) => {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last > 2000 || done === total) {
      process.stderr.write(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`);
      last = now;
    }
  };
};

async function run(target: 'pglite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-nrm-'));
  let databaseUrl: string | undefined;
  let dropScratch = async () => {};
  if (target === 'postgres') {
    const name = `baken_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
    } catch (e) {
      report({ database: 'postgres', skipped: `no PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//***@')}: ${(e as Error).message}` });
      return;
    }
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropScratch = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl ?? '', BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BAKEN_LOGIN_RATE_PER_MINUTE: '10000', BAKEN_JOBS: 'false' });
  const services = await openServices(config, { logger });
  try {
    process.stderr.write(`[${target}] seeding ${CASES.toLocaleString('en')} cases, ${OPEN_SIGNALS} open signals, ${AUDIT.toLocaleString('en')} audit entries\n`);
    await seedDemo(services);
    const id = async (table: 'users' | 'organisations', where: string) =>
      (await services.db.selectFrom(table).select('id').where(table === 'users' ? 'email' : 'name', '=', where).executeTakeFirstOrThrow()).id;
    const registrarId = await id('users', 'registrar@baken.example');
    const registrarOrg = await id('organisations', 'Centraal Informatiepunt Mensenhandel');
    let t0 = performance.now();
    const p1 = progress('cases and signals');
    const data = await insertCases(services.db, services.keyring, {
      cases: CASES,
      openSignals: OPEN_SIGNALS,
      now: new Date(),
      profileVersion: '2026.1.0',
      sourceOrgId: await id('organisations', 'Politie – eenheid Rotterdam'),
      registrarId,
      shelterOrgId: await id('organisations', 'Opvanghuis De Haven'),
      onProgress: (d) => p1(d, CASES + OPEN_SIGNALS),
    });
    const seedCasesS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const p2 = progress('audit entries');
    await appendAuditEntries(services.db, AUDIT, { userId: registrarId, organisationId: registrarOrg }, (d) => p2(d, AUDIT));
    const seedAuditS = (performance.now() - t0) / 1000;
    await sql`analyze`.execute(services.db);
    report({ database: target, seeded: { cases: CASES, openSignals: OPEN_SIGNALS, auditEntries: AUDIT }, seedCasesSeconds: +seedCasesS.toFixed(1), seedAuditSeconds: +seedAuditS.toFixed(1) });

    const app = await buildServer(config, { services, ready: true }, logger);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    async function signIn(email: string) {
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      const setCookie = login.headers.get('set-cookie') ?? '';
      const cookie = setCookie.split(';')[0]!;
      const session = await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json() as { csrfToken: string };
      const second = await fetch(`${base}/api/auth/second-factor`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }),
      });
      if (second.status !== 200) throw new Error(`second factor for ${email}: ${second.status} ${await second.text()}`);
      return cookie;
    }
    const registrar = await signIn('registrar@baken.example');
    const shelter = await signIn('service-provider@baken.example');

    async function measure(name: string, cookie: string, url: (i: number) => string) {
      const times: number[] = [];
      let results = 0;
      for (let i = 0; i < REQUESTS + 10; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${url(i)}`, { headers: { cookie } });
        const body = (await res.json()) as { items?: unknown[] };
        const ms = performance.now() - start;
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
        if (i >= 10) {
          times.push(ms); // the first 10 warm up caches and prepared plans
          results += body.items?.length ?? 0;
        }
      }
      const p95 = pct(times, 95);
      report({ database: target, query: name, requests: times.length, p50Ms: +pct(times, 50).toFixed(1), p95Ms: +p95.toFixed(1), meanResults: +(results / times.length).toFixed(1), ...(target === 'postgres' ? { targetP95Ms: 50, pass: p95 < 50 } : {}) });
      return pct(times, 50);
    }
    const regions = ['rotterdam', 'amsterdam', 'noord-holland', 'den-haag', 'limburg'];
    const forms = ['sexual-exploitation', 'forced-labour', 'criminal-exploitation'];
    const health = await measure('health (baseline)', registrar, () => '/api/health');
    const list = await measure('cases: newest 50', registrar, () => '/api/cases');
    await measure('cases: status + region', registrar, (i) => `/api/cases?status=open&region=${regions[i % regions.length]}`);
    await measure('cases: form + presumed minor', registrar, (i) => `/api/cases?form=${forms[i % forms.length]}&presumedMinor=true`);
    await measure('cases: dossier type + registered in a month', registrar, (i) => `/api/cases?dossierType=registration-shelter&registeredFrom=2025-0${1 + (i % 9)}-01&registeredTo=2025-0${1 + (i % 9)}-28`);
    await measure('cases: next page (cursor)', registrar, () => `/api/cases?status=open&cursor=${Buffer.from(`${new Date(Date.now() - 400 * 86_400_000).toISOString()}|ffffffff-ffff-4fff-bfff-ffffffffffff`).toString('base64url')}`);
    await measure('triage queue (50, with duplicate counts)', registrar, () => '/api/triage');
    await measure('search: case number prefix', registrar, (i) => `/api/cases?q=${data.caseNumbers[(i * 7919) % data.caseNumbers.length]!.slice(0, 12)}`);
    await measure('search: exact case number', registrar, (i) => `/api/cases?q=${data.caseNumbers[(i * 104729) % data.caseNumbers.length]}`);
    await measure('search: surname (blind index)', registrar, (i) => `/api/cases?q=${encodeURIComponent(data.surnames[i % data.surnames.length]!)}`);
    await measure('search: first + last name', registrar, (i) => `/api/cases?q=${encodeURIComponent(`Maria ${data.surnames[i % data.surnames.length]!}`)}`);
    await measure('cases: shelter partner (referred cases only)', shelter, () => '/api/cases');
    // Case work (part 2) on the demo case with notes, documents, referrals and clocks, among 100k cases.
    const workCase = (await services.db.selectFrom('case_notes').select('case_id').executeTakeFirstOrThrow()).case_id;
    const decidedCase = (await services.db.selectFrom('identification_decisions').select('case_id').executeTakeFirstOrThrow()).case_id;
    await measure('case page (read, audited)', registrar, () => `/api/cases/${workCase}`);
    await measure('case timeline (filtered to viewer)', registrar, () => `/api/cases/${workCase}/timeline`);
    await measure('case timeline (shelter partner)', shelter, () => `/api/cases/${workCase}/timeline`);
    await measure('case notes', registrar, () => `/api/cases/${workCase}/notes`);
    await measure('case documents', registrar, () => `/api/cases/${workCase}/documents`);
    await measure('identification (procedures + decisions)', registrar, () => `/api/cases/${decidedCase}/identification`);
    await measure('clocks dashboard', registrar, () => '/api/clocks/dashboard');
    await measure('tasks (open)', registrar, () => '/api/tasks');
    await measure('data-subject export (JSON)', registrar, () => `/api/cases/${workCase}/export?format=json`);
    report({ database: target, query: 'ratio', caseListP50ToHealthP50: +(list / health).toFixed(1) });
    await app.close();
  } finally {
    await services.database.close();
    await dropScratch();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const target of TARGETS) await run(target as 'pglite' | 'postgres');
