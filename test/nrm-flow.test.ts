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
let otherShelter: Session;
let analyst: Session;
let shelterOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database, { BAKEN_PUBLIC_POW_BITS: '4' });
  api = nrm(t);
  const p = await t.makeUser({ role: 'first-responder', org: 'Politie Rotterdam', orgType: 'police' });
  const r = await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' });
  const s = await t.makeUser({ role: 'service-provider', org: 'Opvang Haven', orgType: 'shelter' });
  const o = await t.makeUser({ role: 'service-provider', org: 'Opvang Elders', orgType: 'shelter' });
  const a = await t.makeUser({ role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' });
  shelterOrg = s.organisationId;
  police = await t.signIn(p.email);
  registrar = await t.signIn(r.email);
  shelter = await t.signIn(s.email);
  otherShelter = await t.signIn(o.email);
  analyst = await t.signIn(a.email);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('from signal to referral', () => {
  it('takes a signal through triage, registration, consent and a referral the shelter sees only in part', async () => {
    const body = api.signalBody({ acuteDanger: true });
    const first = await api.call(police, 'POST', '/api/signals', body);
    expect(first.statusCode).toBe(201);
    const again = await api.call(police, 'POST', '/api/signals', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const mine = await api.call(police, 'GET', '/api/signals/mine');
    expect(mine.json().items.filter((s: { id: string }) => s.id === first.json().id)).toHaveLength(1);

    const queue = await api.call(registrar, 'GET', '/api/triage');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items[0].id).toBe(first.json().id);

    const signal = await api.call(registrar, 'GET', `/api/signals/${first.json().id}`);
    expect(signal.json().person.name).toBe('Maria Popescu');
    expect(signal.json().description).toContain('passport');
    expect(signal.json().person.citizenships).toEqual(['RO']);
    expect(signal.json().person.sex).toBe('female');

    const decided = await api.call(registrar, 'POST', `/api/signals/${first.json().id}/decision`, api.registration({
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      ],
    }));
    expect(decided.statusCode).toBe(200);
    const caseId = decided.json().decision.caseId;
    expect(decided.json().decision.caseNumber).toMatch(/^NRM-2026-[A-Z0-9]{6}$/);
    const twice = await api.call(registrar, 'POST', `/api/signals/${first.json().id}/decision`, { decision: 'no-indication', reason: 'x' });
    expect(twice.statusCode).toBe(409);

    const full = await api.call(registrar, 'GET', `/api/cases/${caseId}`);
    expect(full.json().identity.name).toBe('Maria Popescu');
    expect(full.json().investigation.suspectsCount).toBe(2);
    expect(full.json().profile).toEqual({ id: 'nl', version: expect.any(String) });

    // The other shelter cannot find or open the case, before or after the referral.
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);

    const referral = await api.call(registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelterOrg });
    expect(referral.statusCode).toBe(201);
    expect(referral.json().accessProfile).toBe('shelter');

    const inbox = await api.call(shelter, 'GET', '/api/referrals');
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(referral.json().id);
    const accepted = await api.call(shelter, 'POST', `/api/referrals/${referral.json().id}/accept`, {});
    expect(accepted.json().status).toBe('accepted');

    const seen = await api.call(shelter, 'GET', `/api/cases/${caseId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().identity.name).toBe('Maria Popescu');
    expect(seen.json().investigation).toBeUndefined();
    expect(seen.json().source).toBeUndefined();
    expect(seen.json().consents).toBeUndefined();
    expect(seen.json().myReferral.id).toBe(referral.json().id);
    const listed = await api.call(shelter, 'GET', '/api/cases');
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);

    const elsewhere = await api.call(otherShelter, 'GET', `/api/cases/${caseId}`);
    expect(elsewhere.statusCode).toBe(404);
    expect((await api.call(otherShelter, 'GET', '/api/cases')).json().items).toEqual([]);

    const stats = await api.call(analyst, 'GET', `/api/cases/${caseId}`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json().identity).toBeUndefined();
    expect(stats.json().investigation).toBeUndefined();
    expect(stats.json().exploitation.description).toBeNull();
    expect((await api.call(analyst, 'GET', '/api/cases?q=Maria')).statusCode).toBe(400);

    const views = await api.call(registrar, 'GET', `/api/cases/${caseId}/views`);
    expect(views.json().items.some((v: { organisationName: string }) => v.organisationName === 'Opvang Haven')).toBe(true);

    // Completing ends the shelter's access.
    await api.call(shelter, 'POST', `/api/referrals/${referral.json().id}/complete`, {});
    expect((await api.call(shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('finds cases by number prefix and by a whole name word, never by a part of one', async () => {
    const caseId = await api.registeredCase(police, registrar, { person: { name: 'Ana-Lucía Gómez', dateOfBirth: '2001-01-01' } });
    const full = (await api.call(registrar, 'GET', `/api/cases/${caseId}`)).json();
    const byNumber = await api.call(registrar, 'GET', `/api/cases?q=${full.caseNumber.slice(0, 12)}`);
    expect(byNumber.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const byName = await api.call(registrar, 'GET', `/api/cases?q=${encodeURIComponent('gomez lucia')}`);
    expect(byName.json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(byName.json().items[0].name).toBe('Ana-Lucía Gómez');
    const partial = await api.call(registrar, 'GET', '/api/cases?q=Gom');
    expect(partial.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('shows possible duplicates by name words and date of birth, never on one common word alone', async () => {
    const caseId = await api.registeredCase(police, registrar, { person: { name: 'Ioana Marin', dateOfBirth: '2000-02-02' } });
    const same = await api.call(police, 'POST', '/api/signals', api.signalBody({ person: { name: 'MARÍN, Ioana', dateOfBirth: '2000-02-02' } }));
    const common = await api.call(police, 'POST', '/api/signals', api.signalBody({ person: { name: 'Ioana Jansen' } }));
    const queue = (await api.call(registrar, 'GET', '/api/triage')).json().items;
    const count = (id: string) => queue.find((q: { id: string }) => q.id === id).duplicateCount;
    expect(count(same.json().id)).toBeGreaterThanOrEqual(1);
    expect(count(common.json().id)).toBe(0);
    const detail = (await api.call(registrar, 'GET', `/api/signals/${same.json().id}`)).json();
    const match = detail.possibleDuplicates.find((d: { id: string }) => d.id === caseId);
    expect(match.reasons).toEqual(['name', 'date-of-birth']);
    // Merging links the signal to the case.
    const merged = await api.call(registrar, 'POST', `/api/signals/${same.json().id}/decision`, { decision: 'merge', caseId });
    expect(merged.json().decision.caseId).toBe(caseId);
    expect(merged.json().status).toBe('merged');
    expect(merged.json().decision.decision).toBe('merge');
  });

  it('counts a case registered after the signal arrived as a possible duplicate of it', async () => {
    const early = await api.call(police, 'POST', '/api/signals', api.signalBody({ person: { name: 'Petra Novak', dateOfBirth: '1990-05-05' } }));
    await api.registeredCase(police, registrar, { person: { name: 'Petra Novak' } }, { person: { name: 'Unrelated Person' } });
    const queue = (await api.call(registrar, 'GET', '/api/triage')).json().items;
    expect(queue.find((q: { id: string }) => q.id === early.json().id).duplicateCount).toBe(1);
    const links = await database.db.selectFrom('signal_duplicates').select(['target_kind']).where('signal_id', '=', early.json().id).execute();
    expect(links.map((l) => l.target_kind)).toEqual(['case']);
  });
});
