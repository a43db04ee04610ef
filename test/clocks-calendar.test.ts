import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCaseEvent } from '../src/clocks/record-case-event.ts';
import { signalDecisionEvent } from '../src/clocks/signal-events.ts';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

// Clocks in the Dutch profile (Europe/Amsterdam): due times across King's Day, Easter Monday and the
// change to summer time, computed when the start event is recorded through the real operations.
let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let h: ReturnType<typeof clockHelpers>;
let police: { email: string };
let registrar: { email: string };
let careOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  h = clockHelpers(t);
  police = await t.makeUser({ role: 'first-responder', org: 'Politie Amsterdam', orgType: 'police' });
  registrar = await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' });
  careOrg = (await t.makeUser({ role: 'care-coordinator', org: 'Zorgcoordinatie Noord', orgType: 'care-coordination' })).organisationId;
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function signalAt(iso: string): Promise<string> {
  const s = await h.signInAt(police.email, iso);
  const res = await api.call(s, 'POST', '/api/signals', api.signalBody());
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('due times in the profile calendar', () => {
  it('skips King\'s Day: a signal on Friday 24 April 2026 is due for triage on Tuesday 28 April at the same time', async () => {
    const id = await signalAt('2026-04-24T08:00:00Z'); // 10:00 in Amsterdam (summer time)
    const [clock] = await h.clocksOf({ signalId: id });
    expect(clock).toMatchObject({ code: 'triage-target', state: 'running', kind: 'deadline' });
    expect(clock!.due_at.toISOString()).toBe('2026-04-28T08:00:00.000Z'); // Monday 27 April is King's Day
    expect(clock!.next_warning_at!.toISOString()).toBe('2026-04-28T04:00:00.000Z'); // 4 hours before
    expect((await h.historyOf(clock!.id)).map((x) => x.what)).toEqual(['started']);
  });

  it('skips Easter Monday in a 5-working-day referral response, with the warning 2 working days before', async () => {
    const s = await h.signInAt(police.email, '2026-04-01T08:00:00Z');
    const submitted = await api.call(s, 'POST', '/api/signals', api.signalBody());
    const reg = await h.signInAt(registrar.email, '2026-04-02T08:00:00Z');
    const caseId = (await api.call(reg, 'POST', `/api/signals/${submitted.json().id}/decision`, api.registration())).json().decision.caseId as string;
    const consent = await api.call(reg, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-04-02' });
    expect(consent.statusCode).toBe(201);
    t.clock.set('2026-04-02T08:00:00Z'); // Thursday 2 April, 10:00 in Amsterdam
    const referral = await api.call(reg, 'POST', `/api/cases/${caseId}/referrals`, { type: 'care-coordination', organisationId: careOrg });
    expect(referral.statusCode).toBe(201);
    const clock = (await h.clocksOf({ caseId })).find((c) => c.subject_id === referral.json().id)!;
    expect(clock.code).toBe('referral-response');
    // Friday 3, (Easter Monday 6 April off), Tuesday 7, Wednesday 8, Thursday 9, Friday 10 April.
    expect(clock.due_at.toISOString()).toBe('2026-04-10T08:00:00.000Z');
    expect(clock.next_warning_at!.toISOString()).toBe('2026-04-08T08:00:00.000Z');
  });

  it('keeps the local time across the change to summer time: Friday 27 March 10:00 CET is due Monday 30 March 10:00 CEST', async () => {
    const id = await signalAt('2026-03-27T09:00:00Z'); // 10:00 CET; summer time starts Sunday 29 March
    const [clock] = await h.clocksOf({ signalId: id });
    expect(clock!.due_at.toISOString()).toBe('2026-03-30T08:00:00.000Z'); // 10:00 CEST
    // A warning in hours is elapsed time: 4 hours before due is 06:00 UTC, 08:00 local.
    expect(clock!.next_warning_at!.toISOString()).toBe('2026-03-30T04:00:00.000Z');
  });

  it('counts months for the case review and keeps 10:00 local across the change back to winter time', async () => {
    const s = await h.signInAt(police.email, '2026-08-20T08:00:00Z');
    const submitted = await api.call(s, 'POST', '/api/signals', api.signalBody());
    const reg = await h.signInAt(registrar.email, '2026-08-31T08:00:00Z'); // 10:00 CEST, 31 August
    const caseId = (await api.call(reg, 'POST', `/api/signals/${submitted.json().id}/decision`, api.registration())).json().decision.caseId as string;
    const review = (await h.clocksOf({ caseId })).find((c) => c.code === 'case-review')!;
    // 31 August + 3 months = 30 November (clamped), 10:00 CET = 09:00 UTC.
    expect(review.due_at.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    // A calendar-days reflection period started in summer ends at the same local time in winter.
    t.clock.set('2026-10-10T08:00:00Z');
    await recordCaseEvent(t.ctx, { caseId, event: 'reflection-period-granted-dublin' });
    const reflection = (await h.clocksOf({ caseId })).find((c) => c.code === 'reflection-period-dublin')!;
    expect(reflection.kind).toBe('period');
    expect(reflection.due_at.toISOString()).toBe('2026-11-09T09:00:00.000Z'); // 30 days later, 10:00 CET
  });

  it('refuses an event that is not in the profile, and records nothing', async () => {
    const id = await signalAt('2026-05-04T08:00:00Z');
    await expect(recordCaseEvent(t.ctx, { signalId: id, event: 'no-such-event' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const events = await t.ctx.db.selectFrom('case_events').select('event').where('signal_id', '=', id).execute();
    expect(events.map((e) => e.event)).toEqual(['signal-received']);
  });

  it('maps triage decisions to the events of the profile (the UK has no information-and-advice event)', () => {
    const nl = { profile_id: 'nl', profile_version: '2026.1.0' };
    const uk = { profile_id: 'uk', profile_version: '2026.1.0' };
    expect(signalDecisionEvent(nl, 'advice-only')).toBe('information-advice-given');
    expect(signalDecisionEvent(uk, 'advice-only')).toBe('signal-dismissed');
    expect(signalDecisionEvent(uk, 'register')).toBe('registered');
    expect(signalDecisionEvent(nl, 'merge')).toBe('signal-merged');
  });
});
