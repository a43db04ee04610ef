import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let police: Session;
let registrar: Session;
let shelter: Session;
let shelterOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  police = await t.signIn((await t.makeUser({ role: 'first-responder', org: 'Politie', orgType: 'police' })).email);
  registrar = await t.signIn((await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' })).email);
  const s = await t.makeUser({ role: 'service-provider', org: 'Opvang', orgType: 'shelter' });
  shelterOrg = s.organisationId;
  shelter = await t.signIn(s.email);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('closing and reopening a case', () => {
  it('ends active referrals and stops the case clocks on closing, and reopens with a reason', async () => {
    const caseId = await api.registeredCase(police, registrar, {
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      ],
    });
    const referral = (await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg })).json();
    await api.call(shelter, 'POST', `/api/referrals/${referral.id}/accept`, {});
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const review = () => database.db.selectFrom('clocks').select('state').where('case_id', '=', caseId).where('code', '=', 'case-review').execute();
    expect((await review()).map((c) => c.state)).toEqual(['running']);

    expect((await api.call(shelter, 'POST', `/api/cases/${caseId}/close`, { reason: 'Not mine to close' })).statusCode).toBe(403);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/close`, { reason: '  ' })).statusCode).toBe(400);
    const closed = await api.call(registrar, 'POST', `/api/cases/${caseId}/close`, { reason: 'Returned home with support of the return programme.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(closed.json().closureReason).toContain('Returned home');
    expect(closed.json().referrals.find((r: { id: string }) => r.id === referral.id).status).toBe('revoked');
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await review()).map((c) => c.state)).toEqual(['stopped']);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/close`, { reason: 'again' })).statusCode).toBe(409);
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg })).statusCode).toBe(409);

    const reopened = await api.call(registrar, 'POST', `/api/cases/${caseId}/reopen`, { reason: 'She came back after two months.' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('open');
    expect(reopened.json().closedAt).toBeNull();
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/reopen`, { reason: 'again' })).statusCode).toBe(409);
    const events = await database.db.selectFrom('case_events').select('event').where('case_id', '=', caseId).execute();
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['case-closed', 'case-reopened']));
  });
});
