import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const org: Record<string, string> = {};
let caseId: string;
let referralId: string;
let consentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  const people = {
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
    legal: { role: 'service-provider', org: 'Rechtshulp', orgType: 'legal-aid' },
    care: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
    admin: { role: 'administrator', org: 'Beheer', orgType: 'registrar' },
    outreach: { role: 'outreach-worker', org: 'Outreach', orgType: 'outreach' },
  } as const;
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  });
  const r = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter });
  referralId = r.json().id;
  const full = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}`);
  consentId = full.json().consents[0].id;
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const status = async (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => (await api.call(who ? s[who]! : null, method, url, body)).statusCode;

describe('permissions of the referral mechanism', () => {
  it('refuses every operation without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/triage'], ['GET', '/api/cases'], ['GET', `/api/cases/${caseId}`], ['GET', '/api/referrals'], ['GET', '/api/signals/mine'],
      ['GET', '/api/nrm/profile'], ['POST', '/api/signals'], ['POST', `/api/referrals/${referralId}/accept`],
    ] as const) {
      expect(await status(null, method, url, method === 'POST' ? {} : undefined), `${method} ${url}`).toBe(401);
    }
  });

  it('keeps first responders and outreach workers to submitting and their own signals', async () => {
    for (const who of ['police', 'outreach']) {
      expect(await status(who, 'GET', '/api/triage')).toBe(403);
      expect(await status(who, 'GET', '/api/cases')).toBe(403);
      expect(await status(who, 'GET', `/api/cases/${caseId}`)).toBe(403);
      expect(await status(who, 'GET', '/api/referrals')).toBe(403);
      expect(await status(who, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter })).toBe(403);
      expect(await status(who, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: '2026-03-01' })).toBe(403);
      expect(await status(who, 'GET', '/api/signals/mine')).toBe(200);
    }
    const signals = await database.db.selectFrom('signals').select('id').execute();
    expect(await status('police', 'GET', `/api/signals/${signals[0]!.id}`)).toBe(403);
    expect(await status('police', 'POST', `/api/signals/${signals[0]!.id}/decision`, { decision: 'no-indication', reason: 'x' })).toBe(403);
  });

  it('gives the administrator no access to case data (least privilege)', async () => {
    expect(await status('admin', 'GET', '/api/cases')).toBe(403);
    expect(await status('admin', 'GET', `/api/cases/${caseId}`)).toBe(403);
    expect(await status('admin', 'GET', '/api/triage')).toBe(403);
  });

  it('answers an unrelated partner exactly as for a case that does not exist', async () => {
    const missing = await api.call(s.legal!, 'GET', '/api/cases/00000000-0000-4000-8000-000000000000');
    const hidden = await api.call(s.legal!, 'GET', `/api/cases/${caseId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe(missing.json().error.code);
    expect(hidden.json().error.message).toBe(missing.json().error.message);
    expect(await status('legal', 'POST', `/api/referrals/${referralId}/accept`, {})).toBe(404);
    expect(await status('legal', 'GET', `/api/cases/${caseId}/views`)).toBe(403);
    const denials = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'access.denied').where('actor_organisation_id', '=', org.legal!).execute();
    expect(denials.map((d) => JSON.stringify(d.details)).join()).toContain(caseId);
  });

  it('lets a partner respond but never revoke, override or see investigation details', async () => {
    expect(await status('shelter', 'POST', `/api/referrals/${referralId}/revoke`, { reason: 'no' })).toBe(403);
    expect(await status('shelter', 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter })).toBe(403);
    expect(await status('shelter', 'POST', `/api/consents/${consentId}/withdraw`, { reason: 'x' })).toBe(403);
    const seen = await api.call(s.shelter!, 'GET', `/api/cases/${caseId}`);
    expect(seen.json().investigation).toBeUndefined();
    expect(seen.json().visibleFields.sort()).toEqual(['exploitation', 'identity', 'person']);
  });

  it('hides names, contact details, free text and investigation from statistics analysts whatever their grants', async () => {
    await database.db.insertInto('role_grants').values({ role_id: 'statistics-analyst', resource: 'case', action: 'read-identity' }).execute();
    await database.db.insertInto('role_grants').values({ role_id: 'statistics-analyst', resource: 'case', action: 'read-investigation' }).execute();
    try {
      const seen = await api.call(s.analyst!, 'GET', `/api/cases/${caseId}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().identity).toBeUndefined();
      expect(seen.json().investigation).toBeUndefined();
      expect(seen.json().exploitation.description).toBeNull();
      const list = await api.call(s.analyst!, 'GET', '/api/cases');
      expect(list.json().items.every((c: { name: string | null }) => c.name === null)).toBe(true);
      expect(JSON.stringify(list.json())).not.toContain('Maria');
    } finally {
      await database.db.deleteFrom('role_grants').where('role_id', '=', 'statistics-analyst').where('action', 'in', ['read-identity', 'read-investigation']).execute();
    }
    expect(await status('analyst', 'GET', `/api/cases/${caseId}/views`)).toBe(403);
    expect(await status('analyst', 'POST', `/api/cases/${caseId}/consents`, { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: '2026-03-01' })).toBe(403);
  });

  it('lets only a role with the override permission pass a closed consent gate, with a reason, audited', async () => {
    const bare = await api.registeredCase(s.police!, s.registrar!);
    // The care coordinator sees the case through a care referral but may not override.
    const careRef = await api.call(s.registrar!, 'POST', `/api/cases/${bare}/referrals`, { type: 'care-coordination', organisationId: org.care, overrideConsent: { reason: 'Immediate care needed, consent to be asked today.' } });
    expect(careRef.statusCode).toBe(201);
    expect(careRef.json().consentOverridden).toBe(true);
    const closed = await api.call(s.care!, 'POST', `/api/cases/${bare}/referrals`, { type: 'shelter', organisationId: org.shelter });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CONSENT_REQUIRED');
    expect(await status('care', 'POST', `/api/cases/${bare}/referrals`, { type: 'shelter', organisationId: org.shelter, overrideConsent: { reason: 'I think it is urgent enough.' } })).toBe(403);
    const short = await api.call(s.registrar!, 'POST', `/api/cases/${bare}/referrals`, { type: 'shelter', organisationId: org.shelter, overrideConsent: { reason: 'urgent' } });
    expect(short.statusCode).toBe(400);
    const overrides = await database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'referral.consent-override').execute();
    expect(overrides).toHaveLength(1);
    expect(JSON.stringify(overrides[0]!.details)).toContain('Immediate care needed');
  });
});
