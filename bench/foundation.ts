/**
 * Foundation benchmarks (`npm run bench`): audit append and verification throughput, sign-in latency
 * and an authenticated API round trip, on the embedded PGlite (or DATABASE_URL). Prints JSON lines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { systemActor } from '../src/access/actor.ts';
import { recordAudit } from '../src/audit/record-audit.ts';
import { verifyAuditChain } from '../src/audit/verify-audit-chain.ts';
import { openServices } from '../src/app-services.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/demo-directory.ts';
import { buildServer } from '../src/http/server.ts';
import { totpCode } from '../src/identity/totp.ts';
import { FakeClock } from '../src/clock.ts';

const AUDIT_ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const report = (name: string, data: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: name, ...data })}\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-'));
const clock = new FakeClock(new Date());
const logger = pino({ level: 'silent' });
const config = loadConfig({ ...process.env, BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BAKEN_LOGIN_RATE_PER_MINUTE: '10000' });
const services = await openServices(config, { clock, logger });
await seedDemo(services);
const ctx = { ...services, actor: systemActor('bench'), origin: { ip: null, requestId: null } };

let t0 = performance.now();
for (let i = 0; i < AUDIT_ENTRIES; i++) await recordAudit(ctx, { action: 'bench.write', resourceType: 'thing', resourceId: String(i), details: { i } });
const appendMs = performance.now() - t0;
report('audit.append', { database: services.database.kind, entries: AUDIT_ENTRIES, perSecond: Math.round(AUDIT_ENTRIES / (appendMs / 1000)) });

t0 = performance.now();
const verified = await verifyAuditChain(services.db);
const verifyMs = performance.now() - t0;
report('audit.verify', { entries: verified.entries, ok: verified.ok, perSecond: Math.round(verified.entries / (verifyMs / 1000)), ratioToAppend: +(appendMs / verifyMs).toFixed(1) });

const app = await buildServer(config, { services, ready: true }, logger);
const loginTimes: number[] = [];
let cookie = '';
for (let i = 0; i < 20; i++) {
  t0 = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@baken.example', password: DEMO_PASSWORD } });
  loginTimes.push(performance.now() - t0);
  const c = res.cookies.find((x) => x.name.includes('baken_session'))!;
  cookie = `${c.name}=${c.value}`;
}
report('http.login (argon2id)', { requests: loginTimes.length, p50Ms: +pct(loginTimes, 50).toFixed(1), p95Ms: +pct(loginTimes, 95).toFixed(1) });

clock.advance(60_000);
const csrf = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json().csrfToken;
await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: totpCode(DEMO_TOTP_SECRET, clock.now()) } });
const times: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  t0 = performance.now();
  const res = await app.inject({ method: 'GET', url: '/api/admin/organisations', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}`);
  times.push(performance.now() - t0);
}
const healthTimes: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  t0 = performance.now();
  await app.inject({ method: 'GET', url: '/api/health' });
  healthTimes.push(performance.now() - t0);
}
report('http.organisations (authenticated, audited session lookup)', {
  requests: REQUESTS,
  p50Ms: +pct(times, 50).toFixed(2),
  p95Ms: +pct(times, 95).toFixed(2),
  ratioToHealthP50: +(pct(times, 50) / pct(healthTimes, 50)).toFixed(1),
});
await app.close();
await services.database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
