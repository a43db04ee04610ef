import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClocks } from '../src/clocks/advance-clocks.ts';
import { clockJobHandlers, clockRecurringJobs } from '../src/clocks/clock-jobs.ts';
import { recordCaseEvent } from '../src/clocks/record-case-event.ts';
import type { AppServices } from '../src/context.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { ensureRecurring } from '../src/jobs/recurring.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let h: ReturnType<typeof clockHelpers>;
let police: { email: string };
let registrar: { email: string };

const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  h = clockHelpers(t);
  police = await t.makeUser({ role: 'first-responder', org: 'Politie Utrecht', orgType: 'police' });
  registrar = await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function signalsAt(iso: string, n = 1): Promise<string[]> {
  const s = await h.signInAt(police.email, iso);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    t.clock.set(iso);
    const res = await api.call(s, 'POST', '/api/signals', api.signalBody());
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

const tasksOf = (clockId: string) => t.ctx.db.selectFrom('tasks').selectAll().where('clock_id', '=', clockId).execute();

describe('several workers', () => {
  // On PostgreSQL each worker is its own connection pool, so the row locks really race; PGlite has one
  // connection, so there the workers interleave on it (still checks that no step is taken twice).
  it('three workers advancing at the same moment record each warning and escalation exactly once (more clocks than one batch)', async () => {
    const signalIds = await signalsAt('2026-05-11T08:00:00Z', 60); // Monday 10:00 CEST, before every other clock of this file
    const pools: Database[] = onPostgres()
      ? [await openDatabase({ databaseUrl: database.url!, poolSize: 3 }), await openDatabase({ databaseUrl: database.url!, poolSize: 3 })]
      : [];
    try {
      const dbs = pools.length ? pools.map((p) => p.db) : [database.db, database.db];
      const run = async () => {
        const reports = await Promise.all([advanceClocks(h.jobCtx(dbs[0])), advanceClocks(h.jobCtx(dbs[1])), advanceClocks(h.jobCtx(dbs[0]))]);
        return reports.reduce((a, r) => ({ warned: a.warned + r.warned, overdue: a.overdue + r.overdue, expired: a.expired + r.expired, escalated: a.escalated + r.escalated }));
      };
      t.clock.set('2026-05-12T05:00:00Z'); // past the 4-hour warning
      expect(await run()).toEqual({ warned: 60, overdue: 0, expired: 0, escalated: 0 });
      t.clock.set('2026-05-12T09:00:00Z'); // past due
      expect(await run()).toEqual({ warned: 0, overdue: 60, expired: 0, escalated: 60 });
      expect(await run()).toEqual({ warned: 0, overdue: 0, expired: 0, escalated: 0 });
      for (const signalId of signalIds) {
        const [clock] = await h.clocksOf({ signalId });
        expect((await h.historyOf(clock!.id)).map((x) => x.what)).toEqual(['started', 'warned', 'overdue', 'escalated']);
        expect(await tasksOf(clock!.id)).toHaveLength(1);
      }
    } finally {
      for (const p of pools) await p.close();
    }
  });
});

describe('warnings and escalation', () => {
  it('warns, then escalates an overdue triage clock to the registrar as exactly one task, through the job', async () => {
    // Monday 1 June 2026 10:00 in Amsterdam: due Tuesday 10:00 (08:00 UTC), warned 4 hours before.
    const [signalId] = await signalsAt('2026-06-01T08:00:00Z');
    const [clock] = await h.clocksOf({ signalId });
    expect(clock!.due_at.toISOString()).toBe('2026-06-02T08:00:00.000Z');

    t.clock.set('2026-06-02T03:59:59Z');
    expect(await advanceClocks(h.jobCtx())).toEqual({ warned: 0, overdue: 0, expired: 0, escalated: 0 });
    t.clock.set('2026-06-02T04:00:00Z');
    expect(await advanceClocks(h.jobCtx())).toEqual({ warned: 1, overdue: 0, expired: 0, escalated: 0 });
    expect(await advanceClocks(h.jobCtx())).toEqual({ warned: 0, overdue: 0, expired: 0, escalated: 0 });

    // The recurring job does the rest once the clock is moved past due.
    t.clock.set('2026-06-02T08:00:30Z');
    const services: AppServices = { db: database.db, clock: t.clock, keyring: t.ctx.keyring, config: t.config, logger: t.ctx.logger };
    await ensureRecurring(database.db, t.clock, 'clocks.advance', 60_000);
    const worker = createWorker({ services, handlers: clockJobHandlers, recurring: clockRecurringJobs, workerId: 'w-test', pollMs: 10 });
    expect(await worker.runDue()).toBe(1);
    await worker.stop();

    const after = (await h.clocksOf({ signalId }))[0]!;
    expect(after.state).toBe('running'); // a deadline stays open until its stop event, now overdue
    expect(after.overdue_at?.toISOString()).toBe('2026-06-02T08:00:30.000Z');
    expect(after.escalated_at).not.toBeNull();
    expect((await h.historyOf(after.id)).map((x) => x.what)).toEqual(['started', 'warned', 'overdue', 'escalated']);
    const tasks = await tasksOf(after.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigned_role: 'registrar', assigned_organisation_id: null, title_code: 'triage-target.overdue', status: 'open', signal_id: signalId });

    t.clock.set('2026-06-02T09:00:00Z');
    expect(await advanceClocks(h.jobCtx())).toEqual({ warned: 0, overdue: 0, expired: 0, escalated: 0 });
    expect(await tasksOf(after.id)).toHaveLength(1);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_label', 'details']).where('action', '=', 'clocks.advance').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);

    // The registrar sees the task and completes it once; registering the signal late stops the clock.
    const reg = await h.signInAt(registrar.email, '2026-06-02T09:05:00Z');
    const list = await api.call(reg, 'GET', '/api/tasks');
    expect(list.statusCode).toBe(200);
    const task = list.json().items.find((x: { clockId: string }) => x.clockId === after.id);
    expect(task).toMatchObject({ titleCode: 'triage-target.overdue', clockCode: 'triage-target', clockLabel: { en: expect.any(String) }, status: 'open' });
    const done = await api.call(reg, 'POST', `/api/tasks/${task.id}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneByName: expect.any(String) });
    expect((await api.call(reg, 'POST', `/api/tasks/${task.id}/complete`)).statusCode).toBe(409);
    const decided = await api.call(reg, 'POST', `/api/signals/${signalId}/decision`, api.registration());
    const caseId = decided.json().decision.caseId;
    const stopped = (await h.clocksOf({ signalId }))[0]!;
    expect(stopped).toMatchObject({ state: 'stopped', case_id: caseId });
    expect((await h.historyOf(stopped.id)).at(-1)).toMatchObject({ what: 'stopped', details: { event: 'registered', late: true } });

    // The case shows its clocks with their history, the triage clock included.
    const clocks = await api.call(reg, 'GET', `/api/cases/${caseId}/clocks`);
    expect(clocks.statusCode).toBe(200);
    expect(clocks.json().items.map((c: { code: string; state: string }) => `${c.code}:${c.state}`)).toEqual(['triage-target:stopped', 'case-review:running']);
    expect(clocks.json().items[0].history.map((x: { what: string }) => x.what)).toEqual(['started', 'warned', 'overdue', 'escalated', 'stopped']);
  });

  it('stops a clock on its stop event before due: no warning and no task afterwards', async () => {
    const [signalId] = await signalsAt('2026-06-08T08:00:00Z');
    const reg = await h.signInAt(registrar.email, '2026-06-08T09:00:00Z');
    const decided = await api.call(reg, 'POST', `/api/signals/${signalId}/decision`, { decision: 'no-indication', reason: 'No indicators of exploitation.' });
    expect(decided.statusCode).toBe(200);
    const [clock] = await h.clocksOf({ signalId });
    expect(clock).toMatchObject({ state: 'stopped', case_id: null });
    expect((await h.historyOf(clock!.id)).map((x) => [x.what, (x.details as { event?: string }).event])).toEqual([['started', undefined], ['stopped', 'signal-dismissed']]);
    t.clock.set('2026-06-20T08:00:00Z');
    await advanceClocks(h.jobCtx());
    expect(await tasksOf(clock!.id)).toHaveLength(0);

    // An escalated reflection period (a period: it expires, with a task) whose stop event comes later.
    const [other] = await signalsAt('2026-06-08T10:00:00Z');
    const caseId = (await api.call(await h.signInAt(registrar.email, '2026-06-08T10:05:00Z'), 'POST', `/api/signals/${other}/decision`, api.registration())).json().decision.caseId;
    await recordCaseEvent(t.ctx, { caseId, event: 'reflection-period-granted-dublin' });
    await recordCaseEvent(t.ctx, { caseId, event: 'police-report-filed' });
    const reflection = (await h.clocksOf({ caseId })).find((c) => c.code === 'reflection-period-dublin')!;
    expect(reflection.state).toBe('stopped');
  });

  it('expires a period clock at its end and escalates it once', async () => {
    const [signalId] = await signalsAt('2026-07-01T08:00:00Z');
    const reg = await h.signInAt(registrar.email, '2026-07-01T08:10:00Z');
    const caseId = (await api.call(reg, 'POST', `/api/signals/${signalId}/decision`, api.registration())).json().decision.caseId;
    t.clock.set('2026-07-01T09:00:00Z');
    await recordCaseEvent(t.ctx, { caseId, event: 'reflection-period-granted-dublin' });
    const clock = (await h.clocksOf({ caseId })).find((c) => c.code === 'reflection-period-dublin')!;
    expect(clock.due_at.toISOString()).toBe('2026-07-31T09:00:00.000Z');
    t.clock.set('2026-07-24T09:00:00Z'); // 7 days before: the first warning
    expect((await advanceClocks(h.jobCtx())).warned).toBeGreaterThanOrEqual(1);
    t.clock.set('2026-08-05T09:00:00Z'); // past due; the 2-day warning was overtaken and is not sent late
    await advanceClocks(h.jobCtx());
    const after = (await h.clocksOf({ caseId })).find((c) => c.id === clock.id)!;
    expect(after.state).toBe('expired');
    expect((await h.historyOf(clock.id)).map((x) => x.what)).toEqual(['started', 'warned', 'expired', 'escalated']);
    expect((await tasksOf(clock.id)).map((x) => x.title_code)).toEqual(['reflection-period-dublin.expired']);
  });
});

describe('pause, resume and restart', () => {
  it('moves the case review on by the time spent paused, and restarts it when the case is reviewed', async () => {
    const [signalId] = await signalsAt('2026-05-29T08:00:00Z');
    const reg = await h.signInAt(registrar.email, '2026-06-01T08:00:00Z');
    const caseId = (await api.call(reg, 'POST', `/api/signals/${signalId}/decision`, api.registration())).json().decision.caseId;
    const review = (await h.clocksOf({ caseId })).find((c) => c.code === 'case-review')!;
    expect(review.due_at.toISOString()).toBe('2026-09-01T08:00:00.000Z');

    t.clock.set(new Date(Date.parse('2026-06-01T08:00:00Z') + 10 * DAY));
    await recordCaseEvent(t.ctx, { caseId, event: 'contact-lost' });
    // While paused nothing fires, not even long past the original due time.
    t.clock.set('2026-09-03T08:00:00Z');
    await recordCaseEvent(t.ctx, { caseId, event: 'contact-lost' }); // a second pause event changes nothing
    await advanceClocks(h.jobCtx());
    expect((await h.historyOf(review.id)).map((x) => x.what)).toEqual(['started', 'paused']);
    t.clock.set('2026-09-06T08:00:00Z'); // 87 days after the pause
    await recordCaseEvent(t.ctx, { caseId, event: 'contact-restored' });
    const resumed = (await h.clocksOf({ caseId })).find((c) => c.id === review.id)!;
    expect(resumed.state).toBe('running');
    expect(Number(resumed.paused_ms)).toBe(87 * DAY);
    expect(resumed.due_at.toISOString()).toBe(new Date(Date.parse('2026-09-01T08:00:00Z') + 87 * DAY).toISOString());
    expect((await h.historyOf(review.id)).map((x) => x.what)).toEqual(['started', 'paused', 'resumed']);

    t.clock.set('2026-09-10T08:00:00Z');
    await recordCaseEvent(t.ctx, { caseId, event: 'case-reviewed' });
    const all = (await h.clocksOf({ caseId })).filter((c) => c.code === 'case-review');
    expect(all.map((c) => c.state)).toEqual(['completed', 'running']);
    expect(all[1]!.due_at.toISOString()).toBe('2026-12-10T09:00:00.000Z'); // 3 months on, 10:00 local in winter
    expect((await h.historyOf(review.id)).at(-1)).toMatchObject({ what: 'restarted', details: { event: 'case-reviewed', nextClockId: all[1]!.id } });
    expect((await h.historyOf(all[1]!.id))[0]).toMatchObject({ what: 'started', details: { restartOf: review.id } });
  });
});

