import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
let caseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  const people = {
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    care: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
  } as const;
  for (const [key, p] of Object.entries(people)) s[key] = await t.signIn((await t.makeUser(p)).email);
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    person: { name: 'Maria Popescu', dateOfBirth: '1999-04-12', sex: 'female', citizenships: ['RO'], languages: ['ro'] },
  });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const correct = (who: string, body: unknown, id = caseId) => api.call(s[who]!, 'POST', `/api/cases/${id}/corrections`, body);
const search = async (q: string) => ((await api.call(s.registrar!, 'GET', `/api/cases?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((c) => c.id);
const row = () => database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
const corrections = () => database.db.selectFrom('case_corrections').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

describe('correction of person data', () => {
  it('corrects the name with a reason, keeps the old value in the history and moves the blind indexes', async () => {
    expect(await search('Popescu')).toContain(caseId);
    const res = await correct('registrar', { changes: [{ field: 'name', value: '  Maria Ionescu ' }], reason: 'Passport shows Ionescu; Popescu was misheard.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ field: 'name', oldValue: 'Maria Popescu', newValue: 'Maria Ionescu', reason: 'Passport shows Ionescu; Popescu was misheard.' });
    expect(res.json().items[0].correctedByName).toMatch(/Test User/);
    expect(await search('Ionescu')).toContain(caseId);
    expect(await search('Popescu')).not.toContain(caseId);
    const detail = (await api.call(s.registrar!, 'GET', `/api/cases/${caseId}`)).json();
    expect(detail.identity.name).toBe('Maria Ionescu');
    // The values are stored encrypted (the reason is staff text, like every other reason).
    const [stored] = await corrections();
    expect(stored!.old_enc).toMatch(/^ev1\./);
    expect(`${stored!.old_enc}${stored!.new_enc}`).not.toMatch(/Popescu|Ionescu/);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.correct').where('resource_id', '=', caseId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.purpose).toBe('rectification');
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Ionescu');
  });

  it('recomputes the date-of-birth index and the presumption of minority; several fields make several rows', async () => {
    const before = await row();
    expect(before.presumed_minor).toBe(false);
    const res = await correct('registrar', {
      changes: [{ field: 'dateOfBirth', value: '2010-01-01' }, { field: 'citizenships', value: ['ro', 'MD'] }, { field: 'estimatedAge', value: 16 }],
      reason: 'Birth certificate received.',
    });
    expect(res.statusCode).toBe(200);
    const after = await row();
    expect(after.dob_token).not.toBe(before.dob_token);
    expect(after.dob_token).toBeTruthy();
    expect(after.presumed_minor).toBe(true);
    expect(after.citizenships).toEqual(['RO', 'MD']);
    expect(after.estimated_age).toBe(16);
    expect(res.json().items.map((c: { field: string }) => c.field)).toEqual(['name', 'dateOfBirth', 'citizenships', 'estimatedAge']);
    expect(res.json().items[1]).toMatchObject({ oldValue: '1999-04-12', newValue: '2010-01-01' });
    // An explicit correction of the flag wins over the recomputation.
    expect((await correct('registrar', { changes: [{ field: 'presumedMinor', value: false }], reason: 'Age assessment: adult.' })).statusCode).toBe(200);
    expect((await row()).presumed_minor).toBe(false);
  });

  it('lists the history for registrars only, audited', async () => {
    const list = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/corrections`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(5);
    const audited = await database.db.selectFrom('audit_log').select('purpose').where('action', '=', 'case.corrections').where('resource_id', '=', caseId).execute();
    expect(audited).toEqual([{ purpose: 'rectification' }]);
    for (const who of ['care', 'analyst', 'police']) {
      expect((await api.call(s[who]!, 'GET', `/api/cases/${caseId}/corrections`)).statusCode, who).toBe(403);
      expect((await correct(who, { changes: [{ field: 'name', value: 'X Y' }], reason: 'no' })).statusCode, who).toBe(403);
    }
  });

  it('refuses bad corrections and changes nothing', async () => {
    const before = await row();
    const history = (await corrections()).length;
    const bad = [
      [{ changes: [{ field: 'name', value: 'Maria Ionescu' }], reason: 'same value' }, 'already the value'],
      [{ changes: [{ field: 'name', value: 'Other Name' }], reason: '   ' }, 'reason'],
      [{ changes: [{ field: 'dateOfBirth', value: '12-04-1999' }], reason: 'format' }, 'YYYY-MM-DD'],
      [{ changes: [{ field: 'sex', value: 'robot' }], reason: 'enum' }, ''],
      [{ changes: [{ field: 'caseNumber', value: 'NRM-1' }], reason: 'not a person field' }, ''],
      [{ changes: [], reason: 'nothing' }, ''],
      [{ changes: [{ field: 'name', value: 'A B' }, { field: 'name', value: 'C D' }], reason: 'twice' }, 'twice'],
      // One good and one no-op change: the whole correction is refused.
      [{ changes: [{ field: 'name', value: 'Fresh Name' }, { field: 'sex', value: 'female' }], reason: 'mixed' }, 'already the value'],
    ] as const;
    for (const [body, message] of bad) {
      const res = await correct('registrar', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (message) expect(res.body).toContain(message);
    }
    expect(await row()).toEqual(before);
    expect(await corrections()).toHaveLength(history);
    expect(await search('Fresh')).toEqual([]);
  });

  it('refuses closed cases until they are reopened', async () => {
    await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/close`, { reason: 'Returned home.' });
    const res = await correct('registrar', { changes: [{ field: 'contactDetails', value: 'via the shelter' }], reason: 'New contact.' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/reopen/);
    await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/reopen`, { reason: 'Came back.' });
    expect((await correct('registrar', { changes: [{ field: 'contactDetails', value: 'via the shelter' }], reason: 'New contact.' })).statusCode).toBe(200);
  });
});
