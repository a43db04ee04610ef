import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealText } from '../src/cases/person.ts';
import { storedFilePath } from '../src/files/file-format.ts';
import { storeFile } from '../src/files/store-file.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const email: Record<string, string> = {};
const org: Record<string, string> = {};
const id: Record<string, string> = {};
const num: Record<string, string> = {};
let fileId: string;
const DAY = 24 * 3600 * 1000;
const T0 = '2026-03-02T09:00:00Z';
const after = (days: number) => new Date(new Date(T0).getTime() + days * DAY).toISOString();

/** Sessions end after 30 idle minutes, so every step signs in anew at the current fake time. */
const as = (who: string): Promise<Session> => t.signIn(email[who]!);

async function richCase(s: { police: Session; registrar: Session }, name: string) {
  const caseId = await api.registeredCase(s.police, s.registrar, {
    person: { name, dateOfBirth: '1999-04-12', sex: 'female', citizenships: ['RO'], languages: ['ro'], contactDetails: 'phone of the sister' },
    description: 'Kept in a house in Rotterdam-Zuid.',
    place: 'Rotterdam',
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01', note: 'Signed the form with her sister present.' },
    ],
  });
  const referral = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter, note: 'Afraid of the landlord.' });
  expect(referral.statusCode).toBe(201);
  const k = t.ctx.keyring;
  const noteId = crypto.randomUUID();
  await database.db.insertInto('case_notes').values({ id: noteId, case_id: caseId, visibility: 'involved', body_enc: sealText(k, 'case_notes', 'body_enc', noteId, 'She mentioned her brother in Iasi.')!, author_user_id: null, author_organisation_id: org.registrar!, created_at: t.clock.now() }).execute();
  const procedureId = crypto.randomUUID();
  await database.db.insertInto('identification_procedures').values({ id: procedureId, case_id: caseId, stage_code: 'multidisciplinary-assessment', decision_body: 'advisory-committee', body_organisation_id: null, requested_at: t.clock.now(), requested_by_user_id: null, closed_at: null }).execute();
  const decisionId = crypto.randomUUID();
  await database.db.insertInto('identification_decisions').values({
    id: decisionId, procedure_id: procedureId, case_id: caseId, kind: 'decision', review_code: null, reviews_decision_id: null, status: 'decided', outcome_code: 'indications-confirmed',
    decision_body: 'advisory-committee', decided_on: '2026-03-02', requested_at: null, recorded_at: t.clock.now(), recorded_by_user_id: null,
    reasons_enc: sealText(k, 'identification_decisions', 'reasons_enc', decisionId, 'Her account of the debt bondage is consistent.'),
  }).execute();
  const corrected = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/corrections`, { changes: [{ field: 'aliases', value: ['Mari'] }], reason: 'Nickname.' });
  expect(corrected.statusCode).toBe(200);
  return caseId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  const people = {
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
    care: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
    admin: { role: 'administrator', org: 'Beheer', orgType: 'registrar' },
  } as const;
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    email[key] = u.email;
  }
  t.clock.set(T0);
  const s = { police: await as('police'), registrar: await as('registrar') };
  id.a = await richCase(s, 'Maria Popescu');
  id.x = await richCase(s, 'Elena Dragomir');
  const file = await storeFile(t.ctx, { bytes: Buffer.from('%PDF-1.4 statement'), mimeType: 'application/pdf', purpose: 'case-document' });
  fileId = file.id;
  const docId = crypto.randomUUID();
  await database.db.insertInto('case_documents').values({
    id: docId, case_id: id.a, file_id: fileId, document_type: 'statement', file_name_enc: sealText(t.ctx.keyring, 'case_documents', 'file_name_enc', docId, 'statement-maria.pdf')!,
    mime_type: 'application/pdf', size_bytes: 18, sha256: 'ab'.repeat(32), visibility: 'registrar', uploaded_by_user_id: null, uploaded_by_organisation_id: org.registrar!, uploaded_at: t.clock.now(),
  }).execute();
  id.b = await api.registeredCase(s.police, s.registrar, { person: { name: 'Ioana Reopened' } });
  id.c = await api.registeredCase(s.police, s.registrar, { person: { name: 'Ana Open' } });
  for (const c of ['a', 'x', 'b']) expect((await api.call(s.registrar, 'POST', `/api/cases/${id[c]}/close`, { reason: 'Returned home with support.' })).statusCode).toBe(200);
  expect((await api.call(s.registrar, 'POST', `/api/cases/${id.b}/reopen`, { reason: 'She came back.' })).statusCode).toBe(200);
  for (const [key, decision] of [['d', 'no-indication'], ['e', 'advice-only']] as const) {
    const signal = await api.call(s.police, 'POST', '/api/signals', api.signalBody({ person: { name: `Signal ${key} Person` } }));
    id[key] = signal.json().id;
    num[key] = signal.json().number;
    expect((await api.call(s.registrar, 'POST', `/api/signals/${id[key]}/decision`, { decision, reason: 'No indications of trafficking.' })).statusCode).toBe(200);
  }
  for (const c of ['a', 'x', 'b', 'c']) num[c] = (await database.db.selectFrom('cases').select('case_number').where('id', '=', id[c]!).executeTakeFirstOrThrow()).case_number;
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

type Report = { dryRun: boolean; asOf: string; items: { recordType: string; action: string; records: number; references: string[] }[]; totals: { records: number; failures: number }; failures: { reference: string; error: string }[] };
async function run(dryRun: boolean, session?: Session): Promise<Report> {
  const res = await api.call(session ?? (await as('registrar')), 'POST', '/api/retention/runs', { dryRun });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().dryRun).toBe(dryRun);
  return res.json().report;
}

/** Every row retention may touch, to show that a dry run changes none of them. */
async function snapshot() {
  const tables = ['cases', 'signals', 'signal_additions', 'signal_duplicates', 'consents', 'referrals', 'case_events', 'clocks', 'clock_history', 'tasks', 'case_notes', 'case_documents', 'stored_files', 'identification_decisions', 'case_corrections', 'case_dossier_history'] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await sql`select * from ${sql.table(table)} order by 1`.execute(database.db)).rows;
  return JSON.stringify(out);
}

async function dryThenReal(): Promise<Report> {
  const before = await snapshot();
  const runs = Number((await database.db.selectFrom('retention_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // One session for both, so both runs happen at the same moment.
  const session = await as('registrar');
  const dry = await run(true, session);
  expect(await snapshot()).toBe(before);
  expect(Number((await database.db.selectFrom('retention_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(runs + 1);
  const real = await run(false, session);
  expect({ ...real, dryRun: true }).toEqual(dry);
  return real;
}

describe('retention', () => {
  it('is for registrars and administrators only', async () => {
    for (const who of ['care', 'shelter', 'analyst', 'police']) {
      const session = await as(who);
      expect((await api.call(session, 'POST', '/api/retention/runs', { dryRun: true })).statusCode, who).toBe(403);
      expect((await api.call(session, 'GET', '/api/retention/runs')).statusCode, who).toBe(403);
    }
    expect((await api.call(null, 'POST', '/api/retention/runs', { dryRun: true })).statusCode).toBe(401);
    expect((await api.call(await as('registrar'), 'POST', '/api/retention/runs', { dryRun: 'yes' })).statusCode).toBe(400);
    expect((await api.call(await as('admin'), 'GET', '/api/retention/runs')).statusCode).toBe(200);
    expect(await database.db.selectFrom('retention_runs').selectAll().execute()).toEqual([]);
  });

  it('does nothing before any period has ended', async () => {
    const report = await run(true);
    expect(report.items).toEqual([]);
    expect(report.totals.records).toBe(0);
  });

  it('deletes a dismissed signal after 12 months, with its events and clocks; advice-only stays', async () => {
    t.clock.set(after(366));
    const real = await dryThenReal();
    expect(real.items).toEqual([{ recordType: 'signal', action: 'delete', records: 1, references: [num.d] }]);
    expect(await database.db.selectFrom('signals').select('id').where('id', '=', id.d!).execute()).toEqual([]);
    expect(await database.db.selectFrom('case_events').select('id').where('signal_id', '=', id.d!).execute()).toEqual([]);
    expect(await database.db.selectFrom('clocks').select('id').where('signal_id', '=', id.d!).execute()).toEqual([]);
    expect(await database.db.selectFrom('signals').select('id').where('id', '=', id.e!).execute()).toHaveLength(1);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.delete').execute();
    expect(audit.map((a) => [a.resource_id, (a.details as { reference: string }).reference])).toEqual([[id.d, num.d]]);
    expect((await run(false)).items).toEqual([]);
  });

  it('deletes notes and documents (with the stored file) two years after closing', async () => {
    const file = storedFilePath(t.config.filesDir, fileId);
    expect(fs.existsSync(file)).toBe(true);
    t.clock.set(after(2 * 365 + 2));
    const real = await dryThenReal();
    expect(real.items).toEqual([
      { recordType: 'note', action: 'delete', records: 2, references: [num.a, num.x].sort() },
      { recordType: 'document', action: 'delete', records: 1, references: [num.a] },
    ]);
    expect(fs.existsSync(file)).toBe(false);
    expect(await database.db.selectFrom('stored_files').select('id').where('id', '=', fileId).execute()).toEqual([]);
    expect(await database.db.selectFrom('case_notes').select('id').where('case_id', 'in', [id.a!, id.x!]).execute()).toEqual([]);
    expect((await database.db.selectFrom('cases').select('anonymised_at').where('id', '=', id.a!).executeTakeFirstOrThrow()).anonymised_at).toBeNull();
  });

  it('anonymises cases five years after closing, one transaction per case, and reports a failing case', async () => {
    t.clock.set(after(5 * 366));
    const keep = await database.db.selectFrom('cases').selectAll().where('id', '=', id.a!).executeTakeFirstOrThrow();
    // An injected failure for case X only: its changes must roll back as a whole, A must go on.
    await sql.raw(`create function retention_test_fail() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`).execute(database.db);
    await sql.raw(`create trigger retention_test_fail before update on cases for each row when (old.id = '${id.x}') execute function retention_test_fail()`).execute(database.db);
    const before = await snapshot();
    const dry = await run(true);
    expect(await snapshot()).toBe(before);
    expect(dry.items).toEqual([
      { recordType: 'identity', action: 'delete', records: 2, references: [num.a, num.x].sort() },
      { recordType: 'consent-record', action: 'anonymise', records: 4, references: [num.a, num.x].sort() },
      { recordType: 'referral', action: 'anonymise', records: 2, references: [num.a, num.x].sort() },
      { recordType: 'case', action: 'anonymise', records: 2, references: [num.a, num.x].sort() },
    ]);
    const real = await run(false);
    expect(real.totals.failures).toBe(1);
    expect(real.failures[0]).toMatchObject({ reference: num.x, error: expect.stringContaining('injected failure') });
    expect(real.items.every((i) => i.references.length === 1 && i.references[0] === num.a)).toBe(true);
    const x = await database.db.selectFrom('cases').selectAll().where('id', '=', id.x!).executeTakeFirstOrThrow();
    expect(x.person_enc).not.toBeNull();
    expect(x.anonymised_at).toBeNull();
    expect((await database.db.selectFrom('consents').select('note').where('case_id', '=', id.x!).where('purpose', '=', 'shelter').executeTakeFirstOrThrow()).note).toContain('sister');
    const failedAudit = await database.db.selectFrom('audit_log').select(['outcome']).where('action', '=', 'retention.run').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(failedAudit.outcome).toBe('failed');

    // What is left of A: what statistics need, and no personal data.
    const a = await database.db.selectFrom('cases').selectAll().where('id', '=', id.a!).executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      person_enc: null, name_tokens: [], name_pairs: [], dob_token: null, description_enc: null, investigation_enc: null, place: null, closure_reason: null, languages: [], interpreter_needed: null,
      forms: keep.forms, sector: keep.sector, region: keep.region, sex: 'female', estimated_age: keep.estimated_age, presumed_minor: keep.presumed_minor, citizenships: ['RO'],
      dossier_type: keep.dossier_type, exploitation_location: keep.exploitation_location, source_organisation_id: keep.source_organisation_id, status: 'closed',
    });
    expect(a.anonymised_at).not.toBeNull();
    expect(a.registered_at.toISOString().slice(0, 10)).toBe(keep.registered_at.toISOString().slice(0, 10));
    expect(a.registered_at.toISOString().slice(10)).toBe('T00:00:00.000Z');
    const signals = await database.db.selectFrom('signals').selectAll().where('case_id', '=', id.a!).execute();
    const related = {
      signals,
      additions: await database.db.selectFrom('signal_additions').selectAll().where('signal_id', 'in', signals.map((s) => s.id)).execute(),
      consents: await database.db.selectFrom('consents').selectAll().where('case_id', '=', id.a!).execute(),
      referrals: await database.db.selectFrom('referrals').selectAll().where('case_id', '=', id.a!).execute(),
      events: await database.db.selectFrom('case_events').selectAll().where('case_id', '=', id.a!).execute(),
      tasks: await database.db.selectFrom('tasks').selectAll().where('case_id', '=', id.a!).execute(),
      decisions: await database.db.selectFrom('identification_decisions').selectAll().where('case_id', '=', id.a!).execute(),
      history: await database.db.selectFrom('case_dossier_history').selectAll().where('case_id', '=', id.a!).execute(),
      corrections: await database.db.selectFrom('case_corrections').selectAll().where('case_id', '=', id.a!).execute(),
      notes: await database.db.selectFrom('case_notes').selectAll().where('case_id', '=', id.a!).execute(),
      documents: await database.db.selectFrom('case_documents').selectAll().where('case_id', '=', id.a!).execute(),
    };
    const text = JSON.stringify({ a, related });
    for (const personal of ['ev1.', 'Popescu', 'Mari', 'Rotterdam-Zuid', 'sister', 'landlord', 'Returned home', 'Nickname', 'No indications']) expect(text, personal).not.toContain(personal);
    expect(related.additions).toEqual([]);
    expect(related.corrections).toEqual([]);
    expect(related.consents.map((c) => [c.purpose, c.legal_basis]).sort()).toEqual([['registration', 'statutory-task'], ['shelter', 'consent']]);
    expect(related.referrals.map((r) => [r.type, r.status])).toEqual([['shelter', 'revoked']]);
    expect(related.decisions.map((d) => [d.outcome_code, d.decided_on])).toEqual([['indications-confirmed', '2026-03-02']]);
    expect(signals.every((s) => s.person_enc === null && s.name_tokens.length === 0)).toBe(true);
    const search = await api.call(await as('registrar'), 'GET', '/api/cases?q=Popescu');
    expect(search.json().items).toEqual([]);
    const anonymised = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.anonymise').execute();
    expect(anonymised.map((e) => e.resource_id)).toEqual([id.a]);
    // An anonymised case cannot be reopened: there is no person left in it.
    const reopen = await api.call(await as('registrar'), 'POST', `/api/cases/${id.a}/reopen`, { reason: 'Try to reopen.' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toMatch(/anonymised/);

    // B was reopened and C never closed: untouched.
    for (const c of ['b', 'c']) expect((await database.db.selectFrom('cases').select('person_enc').where('id', '=', id[c]!).executeTakeFirstOrThrow()).person_enc).not.toBeNull();

    // Without the failure X is done on the next run; then nothing is left to do.
    await sql.raw('drop trigger retention_test_fail on cases').execute(database.db);
    const retry = await run(false);
    expect(retry.totals.failures).toBe(0);
    expect(retry.items.map((i) => [i.recordType, i.references])).toEqual([['identity', [num.x]], ['consent-record', [num.x]], ['referral', [num.x]], ['case', [num.x]]]);
    const again = await run(false);
    expect(again.items).toEqual([]);
    expect((await run(true)).items).toEqual([]);
  });

  it('lists the runs with their reports, newest first', async () => {
    const res = await api.call(await as('registrar'), 'GET', '/api/retention/runs');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { dryRun: boolean; finishedAt: string | null; startedBy: string; report: Report }[];
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.every((r) => r.finishedAt && r.report.asOf)).toBe(true);
    expect(items[0]!.startedBy).toMatch(/Test User/);
    expect(JSON.stringify(items)).not.toMatch(/Popescu|Dragomir/);
  });
});
