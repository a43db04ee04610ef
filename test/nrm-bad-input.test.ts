import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let police: Session;
let registrar: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  police = await t.signIn((await t.makeUser({ role: 'first-responder', org: 'Politie', orgType: 'police' })).email);
  registrar = await t.signIn((await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' })).email);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const rows = async () => {
  const n = async (table: 'signals' | 'cases' | 'consents' | 'referrals') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { signals: await n('signals'), cases: await n('cases'), consents: await n('consents'), referrals: await n('referrals') };
};
const fields = (res: { json(): { error: { problems: { field: string }[] } } }) => res.json().error.problems.map((p) => p.field);

describe('bad input to the referral mechanism', () => {
  it('lists every unknown profile code in a signal at once and stores nothing', async () => {
    const before = await rows();
    const res = await api.call(police, 'POST', '/api/signals', api.signalBody({ indicators: ['recruitment-debt', 'made-up'], forms: ['space-piracy'], region: 'atlantis', sector: 'moon' }));
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual(['body.forms.0', 'body.indicators.1', 'body.region', 'body.sector']);
    expect(await rows()).toEqual(before);
  });

  it('refuses malformed people, dates and unknown fields with the field named', async () => {
    const res = await api.call(police, 'POST', '/api/signals', api.signalBody({
      person: { dateOfBirth: '1999-02-31', estimatedAge: -3, citizenships: ['Romania'], sex: 'x', shoeSize: 41 },
      clientRequestId: 'not-a-uuid',
    }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['body.person.dateOfBirth', 'body.person.estimatedAge', 'body.person.citizenships.0', 'body.person.sex', 'body.clientRequestId']));
  });

  it('refuses a registration with problems and leaves the signal open', async () => {
    const signal = (await api.call(police, 'POST', '/api/signals', api.signalBody())).json();
    const before = await rows();
    const res = await api.call(registrar, 'POST', `/api/signals/${signal.id}/decision`, api.registration({
      dossierType: 'registration-shelter',
      periodFrom: '2026-02-01',
      periodTo: '2025-01-01',
      consents: [{ purpose: 'statistics', legalBasis: 'statutory-task', givenOn: '2099-01-01' }],
    }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['body.registration.periodTo', 'body.registration.consents', 'body.registration.dossierType', 'body.registration.consents.0.givenOn']));
    expect(await rows()).toEqual(before);
    expect((await api.call(registrar, 'GET', `/api/signals/${signal.id}`)).json().status).toBe('open');
    const noReason = await api.call(registrar, 'POST', `/api/signals/${signal.id}/decision`, { decision: 'no-indication', reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    const mergeMissing = await api.call(registrar, 'POST', `/api/signals/${signal.id}/decision`, { decision: 'merge', caseId: '00000000-0000-4000-8000-000000000000' });
    expect(mergeMissing.statusCode).toBe(404);
    expect((await api.call(registrar, 'GET', `/api/signals/${signal.id}`)).json().status).toBe('open');
  });

  it('refuses referrals to the wrong kind of organisation, unknown access profiles and bad cursors', async () => {
    const caseId = await api.registeredCase(police, registrar);
    const police2 = (await t.makeUser({ role: 'first-responder', orgType: 'police' })).organisationId;
    const res = await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: police2, accessProfile: 'everything' });
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual(['body.accessProfile', 'body.organisationId']);
    const cursor = await api.call(registrar, 'GET', '/api/cases?cursor=bm9wZQ');
    expect(cursor.statusCode).toBe(400);
    expect(fields(cursor)).toEqual(['querystring.cursor']);
    const withdraw = await api.call(registrar, 'POST', '/api/consents/00000000-0000-4000-8000-000000000000/withdraw', { reason: 'x' });
    expect(withdraw.statusCode).toBe(404);
  });
});
