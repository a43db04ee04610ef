import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../src/access/actor.ts';
import type { AppServices } from '../src/context.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { claimJob } from '../src/jobs/claim-job.ts';
import { enqueueJob } from '../src/jobs/enqueue-job.ts';
import { retryDelayMs } from '../src/jobs/finish-job.ts';
import { foundationJobHandlers, foundationRecurringJobs } from '../src/jobs/foundation-jobs.ts';
import type { JobHandlers } from '../src/jobs/job-types.ts';
import { listJobs } from '../src/jobs/list-jobs.ts';
import { ensureRecurring } from '../src/jobs/recurring.ts';
import { createWorker, DEFAULT_LEASE_MS } from '../src/jobs/worker.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';
import { testContext } from './helpers/test-context.ts';

let database: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let services: AppServices;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
// Every test starts with an empty queue and its own clock; tests are isolated by data otherwise.
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
  ctx = testContext(database);
  const { actor: _actor, origin: _origin, ...rest } = ctx;
  services = { ...rest, db: database.db };
});

const job = (id: number) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const worker = (handlers: JobHandlers, extra: Partial<Parameters<typeof createWorker>[0]> = {}) =>
  createWorker({ services, handlers, workerId: 'w-test', pollMs: 10, ...extra });

describe('enqueueJob', () => {
  it('dedupes on uniqueKey while a job is queued or running, and not after it finished', async () => {
    const first = await enqueueJob(database.db, { type: 'mail.send', uniqueKey: 'k1' }, ctx.clock);
    expect(first).not.toBeNull();
    expect(await enqueueJob(database.db, { type: 'mail.send', uniqueKey: 'k1' }, ctx.clock)).toBeNull();
    await claimJob(database.db, { workerId: 'w', leaseMs: 1000, clock: ctx.clock });
    expect((await job(first!.id)).status).toBe('running');
    expect(await enqueueJob(database.db, { type: 'mail.send', uniqueKey: 'k1' }, ctx.clock)).toBeNull();
    await database.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', first!.id).execute();
    const again = await enqueueJob(database.db, { type: 'mail.send', uniqueKey: 'k1' }, ctx.clock);
    expect(again?.id).toBeGreaterThan(first!.id);
    // Jobs without a key never collide.
    expect(await enqueueJob(database.db, { type: 'mail.send' }, ctx.clock)).not.toBeNull();
    expect(await enqueueJob(database.db, { type: 'mail.send' }, ctx.clock)).not.toBeNull();
    expect(await database.db.selectFrom('jobs').select('id').execute()).toHaveLength(4);
  });

  it('rejects a malformed type', async () => {
    await expect(enqueueJob(database.db, { type: 'Bad Type' }, ctx.clock)).rejects.toThrow(/type/);
  });
});

describe('worker', () => {
  it('runs a due job once as the job system actor and marks it done', async () => {
    const seen: { label: string; payload: unknown }[] = [];
    const { id } = (await enqueueJob(database.db, { type: 'test.ok', payload: { caseId: 'c1' } }, ctx.clock))!;
    const w = worker({ 'test.ok': async (c, payload) => void seen.push({ label: c.actor.label, payload }) });
    expect(await w.runDue()).toBe(1);
    expect(await w.runDue()).toBe(0);
    expect(seen).toEqual([{ label: 'job:test.ok', payload: { caseId: 'c1' } }]);
    const row = await job(id);
    expect(row.status).toBe('done');
    expect(row.attempts).toBe(1);
    expect(row.locked_by).toBeNull();
    expect(new Date(row.finished_at!).toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('does not run a job before its run_at', async () => {
    await enqueueJob(database.db, { type: 'test.ok', runAt: new Date(ctx.clock.now().getTime() + 60_000) }, ctx.clock);
    const w = worker({ 'test.ok': async () => {} });
    expect(await w.runDue()).toBe(0);
    ctx.clock.advance(60_000);
    expect(await w.runDue()).toBe(1);
  });

  it('retries with exponential backoff, then dead-letters with the last error message', async () => {
    const { id } = (await enqueueJob(database.db, { type: 'test.fail', maxAttempts: 3 }, ctx.clock))!;
    let calls = 0;
    const w = worker({
      'test.fail': async () => {
        calls++;
        throw new Error(`remote refused (call ${calls})`);
      },
    });
    expect(await w.runDue()).toBe(1);
    let row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'remote refused (call 1)', locked_by: null });
    expect(new Date(row.run_at).getTime() - ctx.clock.now().getTime()).toBe(20_000);

    ctx.clock.advance(19_999);
    expect(await w.runDue()).toBe(0);
    ctx.clock.advance(1);
    expect(await w.runDue()).toBe(1);
    row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, last_error: 'remote refused (call 2)' });
    expect(new Date(row.run_at).getTime() - ctx.clock.now().getTime()).toBe(40_000);

    ctx.clock.advance(40_000);
    expect(await w.runDue()).toBe(1);
    row = await job(id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, last_error: 'remote refused (call 3)' });
    expect(row.finished_at).not.toBeNull();

    ctx.clock.advance(24 * 3600_000);
    expect(await w.runDue()).toBe(0);
    expect(calls).toBe(3);
    expect(retryDelayMs(1)).toBe(20_000);
    expect(retryDelayMs(30)).toBe(3600_000);
  });

  it('dead-letters a job of an unknown type at once, with a clear error', async () => {
    const { id } = (await enqueueJob(database.db, { type: 'nobody.handles' }, ctx.clock))!;
    expect(await worker({}).runDue()).toBe(1);
    const row = await job(id);
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/no handler for job type "nobody.handles"/);
  });

  it('reclaims a job whose worker died once its lease expired, and counts that attempt', async () => {
    const { id } = (await enqueueJob(database.db, { type: 'test.ok', maxAttempts: 3 }, ctx.clock))!;
    const claimed = await claimJob(database.db, { workerId: 'ghost', leaseMs: DEFAULT_LEASE_MS, clock: ctx.clock });
    expect(claimed?.id).toBe(id);
    let runs = 0;
    const w = worker({ 'test.ok': async () => void runs++ });
    expect(await w.runDue()).toBe(0); // lease still valid: the ghost might be alive
    expect((await job(id)).status).toBe('running');
    ctx.clock.advance(DEFAULT_LEASE_MS + 1);
    expect(await w.runDue()).toBe(1);
    const row = await job(id);
    expect(row).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    expect(row.last_error).toMatch(/lease expired/);
    expect(runs).toBe(1);
  });

  it('dead-letters a stale job that has used all its attempts instead of looping', async () => {
    const { id } = (await enqueueJob(database.db, { type: 'test.ok', maxAttempts: 1 }, ctx.clock))!;
    await claimJob(database.db, { workerId: 'ghost', leaseMs: 1000, clock: ctx.clock });
    ctx.clock.advance(1001);
    let runs = 0;
    expect(await worker({ 'test.ok': async () => void runs++ }).runDue()).toBe(0);
    expect((await job(id)).status).toBe('dead');
    expect(runs).toBe(0);
  });

  it('stops gracefully: the job in hand finishes, nothing new is claimed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const started = new Promise<void>((r) => (entered = r));
    const first = (await enqueueJob(database.db, { type: 'test.slow' }, ctx.clock))!;
    const w = worker({
      'test.slow': async () => {
        entered();
        await gate;
      },
    });
    await w.start();
    await started;
    const second = (await enqueueJob(database.db, { type: 'test.slow' }, ctx.clock))!;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false); // still waiting for the job in hand
    release();
    await stopping;
    expect((await job(first.id)).status).toBe('done');
    expect((await job(second.id)).status).toBe('queued');
  });
});

describe('recurring jobs', () => {
  it('keeps exactly one pending run and schedules the next after each run', async () => {
    expect(await ensureRecurring(database.db, ctx.clock, 'test.tick', 60_000)).toEqual({ enqueued: true });
    expect(await ensureRecurring(database.db, ctx.clock, 'test.tick', 60_000)).toEqual({ enqueued: false });
    const pending = () => database.db.selectFrom('jobs').selectAll().where('status', 'in', ['queued', 'running']).execute();
    expect(await pending()).toHaveLength(1);

    let runs = 0;
    const w = worker({ 'test.tick': async () => void runs++ }, { recurring: [{ type: 'test.tick', everyMs: 60_000 }] });
    expect(await w.runDue()).toBe(1);
    const [next] = await pending();
    expect(await pending()).toHaveLength(1);
    expect(next!.unique_key).toBe('recurring:test.tick');
    expect(new Date(next!.run_at).getTime()).toBe(ctx.clock.now().getTime() + 60_000);
    expect(await w.runDue()).toBe(0);
    ctx.clock.advance(60_000);
    expect(await w.runDue()).toBe(1);
    expect(runs).toBe(2);
    expect(await pending()).toHaveLength(1);
  });

  it('refuses a recurring definition without a handler', () => {
    expect(() => worker({}, { recurring: [{ type: 'test.none', everyMs: 1000 }] })).toThrow(/no handler/);
  });

  it('sessions.purge removes sessions that ended more than 7 days ago, and audits it', async () => {
    const org = await database.db.insertInto('organisations').values({ name: `Org ${Math.random()}`, type: 'ngo' }).returning('id').executeTakeFirstOrThrow();
    const user = await database.db
      .insertInto('users')
      .values({ organisation_id: org.id, role_id: 'registrar', email: `u${Math.random()}@example.org`, display_name: 'U', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = ctx.clock.now().getTime();
    const day = 24 * 3600_000;
    const session = (tag: string, expiresAt: number, revokedAt: number | null) => ({
      token_hash: `${tag}-${Math.random()}`,
      user_id: user.id,
      stage: 'full' as const,
      csrf_token: 'c',
      created_at: new Date(now - 30 * day),
      last_seen_at: new Date(now - 30 * day),
      expires_at: new Date(expiresAt),
      revoked_at: revokedAt === null ? null : new Date(revokedAt),
      user_agent: tag,
    });
    await database.db
      .insertInto('sessions')
      .values([
        session('expired-long-ago', now - 8 * day, null),
        session('revoked-long-ago', now + day, now - 8 * day),
        session('expired-recently', now - 6 * day, null),
        session('active', now + day, null),
      ])
      .execute();
    const opts = { services, handlers: foundationJobHandlers, pollMs: 10, recurring: foundationRecurringJobs };
    const starter = createWorker({ ...opts, workerId: 'w-start' });
    await starter.start(); // ensures the recurring runs exist (and may already run them)
    await starter.stop();
    await createWorker({ ...opts, workerId: 'w-f' }).runDue();
    const left = await database.db.selectFrom('sessions').select('user_agent').where('user_id', '=', user.id).orderBy('user_agent').execute();
    expect(left.map((s) => s.user_agent)).toEqual(['active', 'expired-recently']);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'sessions.purge').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_label: 'job:sessions.purge', details: { deleted: 2 } });
    const next = await database.db.selectFrom('jobs').selectAll().where('type', '=', 'sessions.purge').where('status', '=', 'queued').execute();
    expect(next).toHaveLength(1);
    expect(new Date(next[0]!.run_at).getTime()).toBe(now + 3600_000);
  });
});

describe('listJobs', () => {
  it('lists newest first with a status filter, without payloads, for those allowed', async () => {
    const a = (await enqueueJob(database.db, { type: 'test.a', payload: { secret: 's' } }, ctx.clock))!;
    ctx.clock.advance(1000);
    const b = (await enqueueJob(database.db, { type: 'test.b' }, ctx.clock))!;
    await database.db.updateTable('jobs').set({ status: 'dead', last_error: 'x' }).where('id', '=', a.id).execute();
    const all = await listJobs(ctx);
    expect(all.map((j) => j.id)).toEqual([b.id, a.id]);
    expect(all[1]).toMatchObject({ type: 'test.a', status: 'dead', lastError: 'x', attempts: 0, maxAttempts: 5 });
    expect(JSON.stringify(all)).not.toContain('secret');
    expect((await listJobs(ctx, { status: 'dead' })).map((j) => j.id)).toEqual([a.id]);
    expect(await listJobs(ctx, { limit: 1 })).toHaveLength(1);
    const nobody: Actor = { ...systemActor('x'), kind: 'user', grants: new Set() };
    await expect(listJobs({ ...ctx, actor: nobody })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('several workers', () => {
  // On PostgreSQL each "instance" is its own connection pool, so claims really race across
  // connections. PGlite has one connection per process, so there the workers share it: the best
  // available, and it still checks that interleaved claims never hand out a job twice.
  it('run 200 jobs concurrently, every job exactly once', async () => {
    const pools: Database[] = onPostgres()
      ? [await openDatabase({ databaseUrl: database.url!, poolSize: 3 }), await openDatabase({ databaseUrl: database.url!, poolSize: 3 })]
      : [];
    try {
      const dbs = pools.length ? pools.map((p) => p.db) : [database.db, database.db];
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 200; i++) await enqueueJob(trx, { type: 'test.count', payload: { i } }, ctx.clock);
      });
      const runs = new Map<number, number>();
      const handlers: JobHandlers = {
        'test.count': async (c, _payload, meta) => {
          runs.set(meta.id, (runs.get(meta.id) ?? 0) + 1);
          await c.db.selectFrom('jobs').select('id').where('id', '=', meta.id).execute();
          await new Promise((r) => setTimeout(r, 1));
        },
      };
      const workers = [0, 1, 2, 3].map((n) =>
        createWorker({ services: { ...services, db: dbs[n % 2]! }, handlers, workerId: `w${n}`, pollMs: 10 }),
      );
      const counts = await Promise.all(workers.map((w) => w.runDue()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
      expect(counts.every((c) => c > 0)).toBe(true);
      expect(runs.size).toBe(200);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      const rows = await database.db.selectFrom('jobs').select(['status', 'attempts']).execute();
      expect(rows).toHaveLength(200);
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    } finally {
      for (const p of pools) await p.close();
    }
  });
});
