import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let h: ReturnType<typeof clockHelpers>;
let police: Session;
let registrar: Session;
let care: Session;
let shelter: Session;
let analyst: Session;
let body: Session;
let careOrg: string;
let shelterOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  h = clockHelpers(t);
  const at = '2026-03-02T09:00:00Z';
  police = await h.signInAt((await t.makeUser({ role: 'first-responder', org: 'Politie', orgType: 'police' })).email, at);
  registrar = await h.signInAt((await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' })).email, at);
  const c = await t.makeUser({ role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' });
  careOrg = c.organisationId;
  care = await h.signInAt(c.email, at);
  const s = await t.makeUser({ role: 'service-provider', org: 'Opvang', orgType: 'shelter' });
  shelterOrg = s.organisationId;
  shelter = await h.signInAt(s.email, at);
  analyst = await h.signInAt((await t.makeUser({ role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' })).email, at);
  body = await h.signInAt((await t.makeUser({ role: 'identification-body-member', org: 'Commissie', orgType: 'identification-body' })).email, at);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const clockStates = async (caseId: string, code: string) =>
  (await database.db.selectFrom('clocks').select(['state', 'due_at']).where('case_id', '=', caseId).where('code', '=', code).orderBy('started_at').execute()).map((c) => c.state);

describe('case milestones', () => {
  it('records the events no other operation produces, drives the clocks, and refuses the rest clearly', async () => {
    const caseId = await api.registeredCase(police, registrar);
    const listed = await api.call(registrar, 'GET', `/api/cases/${caseId}/milestones`);
    expect(listed.statusCode).toBe(200);
    const allowed = listed.json().allowed.map((e: { code: string }) => e.code);
    expect(allowed).toContain('reflection-period-granted');
    expect(allowed).not.toContain('registered');
    expect(allowed).not.toContain('identification-requested');
    expect(listed.json().allowed[0].label).toMatchObject({ nl: expect.any(String), en: expect.any(String) });

    const granted = await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'reflection-period-granted' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ event: 'reflection-period-granted', label: { nl: 'Bedenktijd verleend' }, recordedByName: expect.any(String) });
    expect(await clockStates(caseId, 'reflection-period')).toEqual(['running']);
    const reflection = await database.db.selectFrom('clocks').select(['started_at', 'due_at']).where('case_id', '=', caseId).where('code', '=', 'reflection-period').executeTakeFirstOrThrow();
    expect(reflection.due_at.toISOString()).toBe('2026-06-02T08:00:00.000Z'); // three months, same local time (10:00 CET then CEST)

    // A police report ends the reflection period (it counts as the permit application).
    await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'police-report-filed' });
    expect(await clockStates(caseId, 'reflection-period')).toEqual(['stopped']);

    // Contact lost pauses the review cycle; restored resumes it; a review restarts it.
    await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'contact-lost' });
    expect(await clockStates(caseId, 'case-review')).toEqual(['paused']);
    await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'contact-restored' });
    await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'case-reviewed' });
    expect(await clockStates(caseId, 'case-review')).toEqual(['completed', 'running']);

    for (const [event, message] of [
      ['registered', 'recorded by its own operation'],
      ['case-closed', 'recorded by its own operation'],
      ['identification-advice-negative', 'identification procedure'],
      ['reconsideration-requested', 'identification procedure'],
      ['rg-reconsideration-requested', 'is not an event of profile nl'],
    ] as const) {
      const refused = await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event });
      expect(refused.statusCode, event).toBe(400);
      expect(refused.json().error.problems[0]).toMatchObject({ field: 'body.event', problem: expect.stringContaining(message) });
    }
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'Not A Code' })).statusCode).toBe(400);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'shelter-placed', note: 'free text' })).statusCode).toBe(400);

    const recorded = (await api.call(registrar, 'GET', `/api/cases/${caseId}/milestones`)).json().items.map((e: { event: string }) => e.event);
    expect(recorded).toEqual(['case-reviewed', 'contact-restored', 'contact-lost', 'police-report-filed', 'reflection-period-granted']);
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'case.record-event').where('resource_id', '=', caseId).execute();
    expect(audit).toHaveLength(5);
  });

  it('lets a care coordinator with a referral record milestones (no police report in their list), and denies others', async () => {
    const caseId = await api.registeredCase(police, registrar, {
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
        { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
      ],
    });
    const other = await api.registeredCase(police, registrar);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'care-coordination', organisationId: careOrg })).statusCode).toBe(201);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg })).statusCode).toBe(201);

    expect((await api.call(care, 'POST', `/api/cases/${caseId}/events`, { event: 'shelter-placed' })).statusCode).toBe(201);
    await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'police-report-filed' });
    const seen = (await api.call(care, 'GET', `/api/cases/${caseId}/milestones`)).json().items.map((e: { event: string }) => e.event);
    expect(seen).toEqual(['shelter-placed']);
    expect((await api.call(care, 'POST', `/api/cases/${other}/events`, { event: 'shelter-placed' })).statusCode).toBe(404);
    for (const who of [police, shelter, analyst, body]) {
      expect((await api.call(who, 'POST', `/api/cases/${caseId}/events`, { event: 'shelter-placed' })).statusCode).toBe(403);
      expect((await api.call(who, 'GET', `/api/cases/${caseId}/milestones`)).statusCode).toBe(403);
    }
    expect((await api.call(registrar, 'POST', `/api/cases/${crypto.randomUUID()}/events`, { event: 'shelter-placed' })).statusCode).toBe(404);

    await api.call(registrar, 'POST', `/api/cases/${caseId}/close`, { reason: 'Support completed.' });
    const closed = await api.call(registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'contact-lost' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('closed');
  });
});
