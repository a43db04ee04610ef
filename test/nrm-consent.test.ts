import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let police: Session;
let ngo: Session;
let registrar: Session;
let shelter: Session;
let shelterOrg: string;
let legalOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  police = await t.signIn((await t.makeUser({ role: 'first-responder', org: 'Politie', orgType: 'police' })).email);
  ngo = await t.signIn((await t.makeUser({ role: 'first-responder', org: 'Stichting', orgType: 'ngo' })).email);
  registrar = await t.signIn((await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' })).email);
  const s = await t.makeUser({ role: 'service-provider', org: 'Opvang', orgType: 'shelter' });
  shelterOrg = s.organisationId;
  shelter = await t.signIn(s.email);
  legalOrg = (await t.makeUser({ role: 'service-provider', org: 'Rechtshulp', orgType: 'legal-aid' })).organisationId;
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const withShelterConsent = {
  consents: [
    { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
    { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
  ],
};

describe('consent and legal basis', () => {
  it('stops pending and accepted referrals at once when the consent they relied on is withdrawn', async () => {
    const caseId = await api.registeredCase(police, registrar, withShelterConsent);
    const pending = (await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg })).json();
    const overridden = await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'legal-aid', organisationId: legalOrg, overrideConsent: { reason: 'Deadline for the compensation claim is tomorrow.' } });
    expect(overridden.statusCode).toBe(201);
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);

    const consent = (await api.call(registrar, 'GET', `/api/cases/${caseId}`)).json().consents.find((c: { purpose: string }) => c.purpose === 'shelter');
    const withdrawn = await api.call(registrar, 'POST', `/api/consents/${consent.id}/withdraw`, { reason: 'She no longer wants a shelter place.' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().revokedReferrals).toBe(1);
    expect(withdrawn.json().consent.active).toBe(false);

    const after = (await api.call(registrar, 'GET', `/api/cases/${caseId}`)).json();
    const byId = new Map(after.referrals.map((r: { id: string; status: string }) => [r.id, r]));
    expect((byId.get(pending.id) as { status: string; revokeReason: string }).status).toBe('revoked');
    expect((byId.get(pending.id) as { revokeReason: string }).revokeReason).toContain('Consent withdrawn');
    expect((byId.get(overridden.json().id) as { status: string }).status).toBe('requested');
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api.call(shelter, 'POST', `/api/referrals/${pending.id}/accept`, {})).statusCode).toBe(409);

    const again = await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSENT_REQUIRED');
    expect(again.json().error.message).toContain('shelter');
    expect((await api.call(registrar, 'POST', `/api/consents/${consent.id}/withdraw`, { reason: 'twice' })).statusCode).toBe(409);
  });

  it('limits a consent scoped to one organisation to that organisation', async () => {
    const caseId = await api.registeredCase(police, registrar);
    const scoped = await api.call(registrar, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'referral-to-organisation', legalBasis: 'consent', organisationId: legalOrg, givenOn: '2026-03-01' });
    expect(scoped.statusCode).toBe(201);
    expect(scoped.json().organisationName).toBe('Rechtshulp');
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'legal-aid', organisationId: legalOrg })).statusCode).toBe(201);
    const other = (await t.makeUser({ role: 'service-provider', orgType: 'legal-aid' })).organisationId;
    expect((await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'legal-aid', organisationId: other })).json().error.code).toBe('CONSENT_REQUIRED');
  });

  it('accepts a statutory basis for registration only from police, border police and labour inspectorate', async () => {
    const refused = await api.call(ngo, 'POST', '/api/signals', api.signalBody({ legalBasis: 'statutory-task' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.problems[0].field).toBe('body.legalBasis');
    const unconfirmed = await api.call(ngo, 'POST', '/api/signals', api.signalBody({ legalBasis: 'consent' }));
    expect(unconfirmed.json().error.problems[0].field).toBe('body.consentConfirmed');
    const ok = await api.call(ngo, 'POST', '/api/signals', api.signalBody({ legalBasis: 'consent', consentConfirmed: true }));
    expect(ok.statusCode).toBe(201);
    // The registrar cannot record a statutory basis for registration on the NGO's signal either.
    const reg = await api.call(registrar, 'POST', `/api/signals/${ok.json().id}/decision`, api.registration());
    expect(reg.statusCode).toBe(400);
    expect(reg.json().error.problems.map((p: { field: string }) => p.field)).toContain('body.registration.consents.0.legalBasis');
    const withConsent = await api.call(registrar, 'POST', `/api/signals/${ok.json().id}/decision`, api.registration({
      consents: [{ purpose: 'registration', legalBasis: 'consent', givenOn: '2026-03-01' }],
    }));
    expect(withConsent.statusCode).toBe(200);
  });

  it('needs a shelter consent before the dossier type "registration + shelter", and keeps the history', async () => {
    const caseId = await api.registeredCase(police, registrar);
    const refused = await api.call(registrar, 'PATCH', `/api/cases/${caseId}/dossier-type`, { dossierType: 'registration-shelter', reason: 'Needs a place' });
    expect(refused.statusCode).toBe(400);
    await api.call(registrar, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-02' });
    const changed = await api.call(registrar, 'PATCH', `/api/cases/${caseId}/dossier-type`, { dossierType: 'registration-shelter', reason: 'Needs a place' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().dossierHistory.map((h: { dossierType: string }) => h.dossierType)).toEqual(['registration-only', 'registration-shelter']);
  });
});
