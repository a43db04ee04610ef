import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClocks } from '../src/clocks/advance-clocks.ts';
import { loadProfile, PROFILES_DIR, ProfileError } from '../src/profiles/load-profile.ts';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

type User = { email: string; organisationId: string };
let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let h: ReturnType<typeof clockHelpers>;
let police: User, registrar: User, shelterA: User, shelterB: User, care: User, otherCare: User, analyst: User;
let caseId: string;
let shelterReferral: string;
let careReferral: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  h = clockHelpers(t);
  police = await t.makeUser({ role: 'first-responder', org: 'Politie Den Haag', orgType: 'police' });
  registrar = await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' });
  shelterA = await t.makeUser({ role: 'service-provider', org: 'Opvang A', orgType: 'shelter' });
  shelterB = await t.makeUser({ role: 'service-provider', org: 'Opvang B', orgType: 'shelter' });
  care = await t.makeUser({ role: 'care-coordinator', org: 'Zorgcoordinatie Zuid', orgType: 'care-coordination' });
  otherCare = await t.makeUser({ role: 'care-coordinator', org: 'Zorgcoordinatie Oost', orgType: 'care-coordination' });
  analyst = await t.makeUser({ role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' });

  // Monday 2 March 2026: a police signal, registered with the consents the referrals need.
  const p = await h.signInAt(police.email, '2026-03-02T08:00:00Z');
  const signal = await api.call(p, 'POST', '/api/signals', api.signalBody());
  const reg = await h.signInAt(registrar.email, '2026-03-02T09:00:00Z');
  caseId = (await api.call(reg, 'POST', `/api/signals/${signal.json().id}/decision`, api.registration({
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  }))).json().decision.caseId;
  const reg2 = await h.signInAt(registrar.email, '2026-03-02T10:00:00Z'); // 11:00 in Amsterdam
  const a = await api.call(reg2, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterA.organisationId });
  t.clock.set('2026-03-02T10:00:00Z');
  const c = await api.call(reg2, 'POST', `/api/cases/${caseId}/referrals`, { type: 'care-coordination', organisationId: care.organisationId });
  expect([a.statusCode, c.statusCode]).toEqual([201, 201]);
  shelterReferral = a.json().id;
  careReferral = c.json().id;
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const referralClocks = async (referralId: string) => (await h.clocksOf({ caseId })).filter((c) => c.subject_id === referralId);

describe('referral response clocks', () => {
  it('starts the shelter clock for a shelter referral and the general one for the others (appliesTo)', async () => {
    const shelter = await referralClocks(shelterReferral);
    const general = await referralClocks(careReferral);
    expect(shelter.map((c) => c.code)).toEqual(['referral-response-shelter']);
    expect(general.map((c) => c.code)).toEqual(['referral-response']);
    expect(shelter[0]).toMatchObject({ subject_type: 'referral', state: 'running' });
    expect(shelter[0]!.due_at.toISOString()).toBe('2026-03-03T10:00:00.000Z'); // 1 working day
    expect(general[0]!.due_at.toISOString()).toBe('2026-03-09T10:00:00.000Z'); // 5 working days
    const events = await t.ctx.db.selectFrom('case_events').select(['event', 'subject_id']).where('case_id', '=', caseId).orderBy('seq').execute();
    expect(events.map((e) => e.event)).toEqual(['registered', 'referral-requested', 'referral-requested']);
  });

  it('shows due and overdue clocks per organisation on the dashboard, and only their own to a partner', async () => {
    const reg = await h.signInAt(registrar.email, '2026-03-02T10:30:00Z');
    const before = await api.call(reg, 'GET', '/api/clocks/dashboard');
    expect(before.statusCode).toBe(200);
    expect(before.json().totals).toEqual({ dueThisWeek: 2, overdue: 0 });
    const count = (body: { organisations: { organisationId: string | null; dueThisWeek: number; overdue: number }[] }, org: string) =>
      body.organisations.find((o) => o.organisationId === org) ?? null;
    expect(count(before.json(), shelterA.organisationId)).toMatchObject({ organisationName: 'Opvang A', dueThisWeek: 1, overdue: 0 });
    expect(count(before.json(), care.organisationId)).toMatchObject({ dueThisWeek: 1, overdue: 0 });
    expect(count(before.json(), police.organisationId)).toBeNull(); // the case review is months away

    // Past the shelter's deadline: the job marks it overdue and escalates it to the registrar.
    t.clock.set('2026-03-03T10:01:00Z');
    expect(await advanceClocks(h.jobCtx())).toMatchObject({ overdue: 1, escalated: 1 });
    const reg2 = await h.signInAt(registrar.email, '2026-03-03T10:02:00Z');
    const after = (await api.call(reg2, 'GET', '/api/clocks/dashboard')).json();
    expect(after.totals).toEqual({ dueThisWeek: 1, overdue: 1 });
    expect(count(after, shelterA.organisationId)).toMatchObject({ dueThisWeek: 0, overdue: 1 });
    expect(after.items.find((i: { code: string }) => i.code === 'referral-response-shelter')).toMatchObject({ overdue: true, escalated: true, caseId });
    expect(after.organisations[0].organisationId).toBe(shelterA.organisationId); // most overdue first

    const a = await h.signInAt(shelterA.email, '2026-03-03T10:03:00Z');
    const mine = (await api.call(a, 'GET', '/api/clocks/dashboard')).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toEqual(['referral-response-shelter']);
    expect(mine.organisations).toEqual([{ organisationId: shelterA.organisationId, organisationName: 'Opvang A', dueThisWeek: 0, overdue: 1 }]);
    const b = await h.signInAt(shelterB.email, '2026-03-03T10:04:00Z');
    expect((await api.call(b, 'GET', '/api/clocks/dashboard')).json()).toMatchObject({ totals: { dueThisWeek: 0, overdue: 0 }, items: [] });
  });

  it('stops a referral clock when the referral is answered and closes its escalation task', async () => {
    const a = await h.signInAt(shelterA.email, '2026-03-03T11:00:00Z');
    const clocks = await api.call(a, 'GET', `/api/cases/${caseId}/clocks`);
    expect(clocks.statusCode).toBe(200);
    // The shelter sees the case-wide clocks and its own referral's clock, not the care referral's.
    expect(clocks.json().items.map((c: { code: string }) => c.code).sort()).toEqual(['case-review', 'referral-response-shelter', 'triage-target']);
    expect((await api.call(a, 'POST', `/api/referrals/${shelterReferral}/accept`, {})).statusCode).toBe(200);
    const [clock] = await referralClocks(shelterReferral);
    expect(clock!.state).toBe('stopped');
    expect((await h.historyOf(clock!.id)).at(-1)).toMatchObject({ what: 'stopped', details: { event: 'referral-accepted', late: true } });
    const [task] = await t.ctx.db.selectFrom('tasks').selectAll().where('clock_id', '=', clock!.id).execute();
    expect(task).toMatchObject({ status: 'done', closed_by_event: 'referral-accepted', assigned_role: 'registrar' });
    expect((await referralClocks(careReferral))[0]!.state).toBe('running');
  });

  it("escalates the general response clock to the care coordinator of the case's organisation only", async () => {
    t.clock.set('2026-03-09T10:00:00Z');
    expect(await advanceClocks(h.jobCtx())).toMatchObject({ overdue: 1, escalated: 1 });
    const [clock] = await referralClocks(careReferral);
    const tasks = await t.ctx.db.selectFrom('tasks').selectAll().where('clock_id', '=', clock!.id).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigned_role: 'care-coordinator', assigned_organisation_id: care.organisationId, title_code: 'referral-response.overdue' });

    const other = await h.signInAt(otherCare.email, '2026-03-09T10:01:00Z');
    expect((await api.call(other, 'GET', '/api/tasks')).json().items).toEqual([]);
    expect((await api.call(other, 'POST', `/api/tasks/${tasks[0]!.id}/complete`)).statusCode).toBe(404);
    const mine = await h.signInAt(care.email, '2026-03-09T10:02:00Z');
    const list = (await api.call(mine, 'GET', '/api/tasks')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([tasks[0]!.id]);
    expect(list[0]).toMatchObject({ caseId, assignedOrganisationName: 'Zorgcoordinatie Zuid', clockCode: 'referral-response' });
    expect((await api.call(mine, 'POST', `/api/tasks/${tasks[0]!.id}/complete`)).statusCode).toBe(200);
    expect((await api.call(mine, 'GET', '/api/tasks?status=done')).json().items).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('refuses clocks and tasks to roles without the grant, and hides a case from another organisation', async () => {
    const anyTask = (await t.ctx.db.selectFrom('tasks').select('id').executeTakeFirstOrThrow()).id;
    const p = await h.signInAt(police.email, '2026-03-10T09:00:00Z');
    expect((await api.call(p, 'GET', '/api/clocks/dashboard')).statusCode).toBe(403);
    expect((await api.call(p, 'GET', `/api/cases/${caseId}/clocks`)).statusCode).toBe(403);
    expect((await api.call(p, 'GET', '/api/tasks')).statusCode).toBe(403);
    expect((await api.call(p, 'POST', `/api/tasks/${anyTask}/complete`)).statusCode).toBe(403);
    const s = await h.signInAt(analyst.email, '2026-03-10T09:05:00Z');
    expect((await api.call(s, 'GET', '/api/clocks/dashboard')).statusCode).toBe(403);
    expect((await api.call(s, 'GET', '/api/tasks')).statusCode).toBe(403);

    const b = await h.signInAt(shelterB.email, '2026-03-10T09:10:00Z');
    const hidden = await api.call(b, 'GET', `/api/cases/${caseId}/clocks`);
    expect(hidden.statusCode).toBe(404);
    expect((await api.call(b, 'GET', `/api/cases/00000000-0000-4000-8000-000000000000/clocks`)).statusCode).toBe(404);
    expect((await api.call(b, 'GET', '/api/tasks')).statusCode).toBe(403);
    expect((await api.call(b, 'POST', `/api/tasks/${anyTask}/complete`)).statusCode).toBe(403);

    // Reads are audited; so are the denials.
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', 'in', ['clock.list', 'clock.dashboard', 'task.list', 'task.complete']).execute();
    expect(new Set(audit.map((x) => x.action))).toEqual(new Set(['clock.list', 'clock.dashboard', 'task.list', 'task.complete']));
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });
});

describe('profile: appliesTo', () => {
  const raw = () => JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, 'nl-2026.json'), 'utf8')) as Record<string, any>;
  const problems = (p: unknown) => {
    try {
      loadProfile(p, 'test');
      return [];
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      return e.problems;
    }
  };
  it('refuses unknown referral types and a response clock that does not apply to its referral type', () => {
    const p = raw();
    const shelterClock = p.clocks.findIndex((c: { code: string }) => c.code === 'referral-response-shelter');
    p.clocks[shelterClock].appliesTo = { referralTypes: ['spa-day'] };
    const found = problems(p);
    expect(found).toContainEqual({ path: `clocks.${shelterClock}.appliesTo.referralTypes.0`, message: 'unknown referral type "spa-day"' });
    const shelterType = p.referralTypes.findIndex((r: { code: string }) => r.code === 'shelter');
    expect(found).toContainEqual({ path: `referralTypes.${shelterType}.responseClock`, message: expect.stringContaining('does not apply to referral type "shelter"') });
    expect(problems(raw())).toEqual([]);
  });
});
