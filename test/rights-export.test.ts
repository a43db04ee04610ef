import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealText } from '../src/cases/person.ts';
import { storeFile } from '../src/files/store-file.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const org: Record<string, string> = {};
let caseId: string;
let caseNumber: string;
const EVIL = '<script>alert("x")</script> Ana';

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database, { BAKEN_PUBLIC_POW_BITS: '8' });
  api = nrm(t);
  const people = {
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
    care: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
  } as const;
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(
    s.police!,
    s.registrar!,
    {
      person: { name: `${EVIL} Popescu`, aliases: ['Ani'], dateOfBirth: '1999-04-12', sex: 'female', citizenships: ['RO'], languages: ['ro'], contactDetails: '+40 700 000 000' },
      description: 'Kept in a house in Rotterdam-Zuid.',
      place: 'Rotterdam',
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01', note: 'Signed form in the file.' },
      ],
    },
    { description: 'Signal text from the police.' },
  );
  const detail = (await api.call(s.registrar!, 'GET', `/api/cases/${caseId}`)).json();
  caseNumber = detail.caseNumber;
  // A shelter referral (the shelter then sees the case, but may not export it).
  const referral = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter, note: 'Needs a room today.' });
  expect(referral.statusCode).toBe(201);
  await api.call(s.shelter!, 'POST', `/api/referrals/${referral.json().id}/accept`, {});
  // A public self-report with a follow-up, merged into the case.
  const report = await api.call(null, 'POST', '/api/public/reports', {
    kind: 'self-report', language: 'en', message: 'I work without pay and cannot leave.', about: { name: 'Ana Popescu' }, ...(await api.publicAnswer()),
  });
  const code = report.json().referenceCode as string;
  await api.call(null, 'POST', '/api/public/reports/follow-up', { referenceCode: code, message: 'They took my passport too.', ...(await api.publicAnswer()) });
  const merged = await database.db.selectFrom('signals').select('id').where('channel', '=', 'self-report').executeTakeFirstOrThrow();
  const decided = await api.call(s.registrar!, 'POST', `/api/signals/${merged.id}/decision`, { decision: 'merge', caseId, reason: 'Same person.' });
  expect(decided.statusCode).toBe(200);
  // Identification, notes and documents belong to other modules; their rows are written here directly.
  const k = t.ctx.keyring;
  const now = t.clock.now();
  const procedureId = crypto.randomUUID();
  await database.db.insertInto('identification_procedures').values({ id: procedureId, case_id: caseId, stage_code: 'multidisciplinary-assessment', decision_body: 'advisory-committee', body_organisation_id: null, requested_at: now, requested_by_user_id: null, closed_at: null }).execute();
  const decisionId = crypto.randomUUID();
  await database.db.insertInto('identification_decisions').values({
    id: decisionId, procedure_id: procedureId, case_id: caseId, kind: 'decision', review_code: null, reviews_decision_id: null, status: 'decided', outcome_code: 'indications-confirmed',
    decision_body: 'advisory-committee', decided_on: '2026-03-02', requested_at: null, recorded_at: now, recorded_by_user_id: null,
    reasons_enc: sealText(k, 'identification_decisions', 'reasons_enc', decisionId, 'Consistent account, supported by the labour inspectorate.'),
  }).execute();
  for (const visibility of ['organisation', 'involved', 'registrar'] as const) {
    const id = crypto.randomUUID();
    await database.db.insertInto('case_notes').values({ id, case_id: caseId, visibility, body_enc: sealText(k, 'case_notes', 'body_enc', id, `Note for ${visibility}`)!, author_user_id: null, author_organisation_id: org.registrar!, created_at: now }).execute();
  }
  const file = await storeFile(t.ctx, { bytes: Buffer.from('%PDF-1.4 statement'), mimeType: 'application/pdf', purpose: 'case-document' });
  const docId = crypto.randomUUID();
  await database.db.insertInto('case_documents').values({
    id: docId, case_id: caseId, file_id: file.id, document_type: 'statement', file_name_enc: sealText(k, 'case_documents', 'file_name_enc', docId, 'verklaring-ana.pdf')!,
    mime_type: 'application/pdf', size_bytes: 18, sha256: 'ab'.repeat(32), visibility: 'registrar', uploaded_by_user_id: null, uploaded_by_organisation_id: org.registrar!, uploaded_at: now,
  }).execute();
  const corrected = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/corrections`, { changes: [{ field: 'aliases', value: ['Ani', 'Annie'] }], reason: 'She told us her other nickname.' });
  expect(corrected.statusCode).toBe(200);
  await api.call(s.shelter!, 'GET', `/api/cases/${caseId}`); // a view by the shelter, for the access log
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const auditCount = async (action: string) =>
  Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('resource_id', '=', caseId).executeTakeFirstOrThrow()).n);

describe('export of everything held about the person', () => {
  it('gives every section, decrypted, as a JSON attachment with a version', async () => {
    const res = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/export?format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${caseNumber}-export.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.body);
    expect(Object.keys(data)).toEqual([
      'format', 'version', 'exportedAt', 'case', 'dossierHistory', 'signals', 'consents', 'referrals', 'events', 'clocks', 'identification', 'notes', 'documents', 'corrections', 'accessLog',
    ]);
    expect(data.format).toBe('baken-case-export');
    expect(data.version).toBe(1);
    expect(data.case.caseNumber).toBe(caseNumber);
    expect(data.case.identity).toMatchObject({ name: `${EVIL} Popescu`, aliases: ['Ani', 'Annie'], dateOfBirth: '1999-04-12', contactDetails: '+40 700 000 000' });
    expect(data.case.person).toMatchObject({ sex: 'female', citizenships: ['RO'], presumedMinor: false });
    expect(data.case.exploitation).toMatchObject({ place: 'Rotterdam', description: 'Kept in a house in Rotterdam-Zuid.', forms: ['sexual-exploitation'] });
    expect(data.case.investigation).toMatchObject({ policeReportFiled: true, suspectsCount: 2, notes: 'Suspect known to the vice squad.' });
    expect(data.case.source).toMatchObject({ organisationName: 'Politie', channel: 'professional' });
    expect(data.dossierHistory).toHaveLength(1);
    const source = data.signals.find((x: { relation: string }) => x.relation === 'source');
    const merged = data.signals.find((x: { relation: string }) => x.relation === 'merged');
    expect(source.description).toBe('Signal text from the police.');
    expect(source.person.name).toBe('Maria Popescu');
    expect(merged.channel).toBe('self-report');
    expect(merged.description).toBe('I work without pay and cannot leave.');
    expect(merged.additions.map((a: { text: string }) => a.text)).toEqual(['They took my passport too.']);
    expect(data.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['registration', 'shelter']);
    expect(data.consents.find((c: { purpose: string }) => c.purpose === 'shelter').note).toBe('Signed form in the file.');
    expect(data.referrals[0]).toMatchObject({ type: 'shelter', status: 'accepted', note: 'Needs a room today.' });
    expect(data.events.map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['signal-received', 'registered', 'referral-requested', 'referral-accepted', 'signal-merged']));
    expect(data.clocks.length).toBeGreaterThan(0);
    expect(data.clocks[0].history.length).toBeGreaterThan(0);
    expect(data.identification.procedures).toHaveLength(1);
    expect(data.identification.decisions[0]).toMatchObject({ outcome: 'indications-confirmed', reasons: 'Consistent account, supported by the labour inspectorate.' });
    expect(data.notes.map((n: { body: string }) => n.body).sort()).toEqual(['Note for involved', 'Note for organisation', 'Note for registrar']);
    expect(data.documents.contentIncluded).toBe(false);
    expect(data.documents.howToObtain).toMatch(/download/i);
    expect(data.documents.items[0]).toMatchObject({ fileName: 'verklaring-ana.pdf', mimeType: 'application/pdf', sizeBytes: 18 });
    expect(data.corrections[0]).toMatchObject({ field: 'aliases', oldValue: ['Ani'], newValue: ['Ani', 'Annie'], reason: 'She told us her other nickname.' });
    const shelterViews = data.accessLog.filter((v: { organisationName: string | null; action: string }) => v.organisationName === 'Opvang' && v.action === 'case.read');
    expect(shelterViews[0]).toMatchObject({ role: 'Service provider', purpose: 'referral' });
    expect(JSON.stringify(data.accessLog)).not.toContain('Test User'); // organisations and roles, not staff names
  });

  it('gives a self-contained readable document in Dutch or English with every value escaped', async () => {
    const nl = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/export?format=html&lang=nl`);
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.headers['content-disposition']).toBe(`attachment; filename="${caseNumber}-export-nl.html"`);
    expect(nl.headers['cache-control']).toBe('no-store');
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Overzicht van gegevens');
    expect(nl.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ana Popescu');
    expect(nl.body).not.toContain('<script');
    expect(nl.body).not.toMatch(/\b(src|href)=/);
    expect(nl.body).not.toMatch(/url\(/);
    expect(nl.body).toContain('Seksuele uitbuiting'); // profile labels in the reader's language
    expect(nl.body).not.toContain('sexual-exploitation');
    expect(nl.body).toContain('verklaring-ana.pdf');
    expect(nl.body).toContain('Consistent account, supported by the labour inspectorate.');
    const en = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/export?format=html&lang=en`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Overview of personal data');
    expect(en.body).toContain('Who viewed the case');
  });

  it('is audited as a read of personal data for data-subject access', async () => {
    const before = await auditCount('case.export');
    await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/export`);
    expect(await auditCount('case.export')).toBe(before + 1);
    const last = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.export').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.purpose).toBe('data-subject-access');
    expect(last.details).toMatchObject({ format: 'json' });
  });

  it('is refused to everyone but registrars, and answers 404 for an unknown case', async () => {
    const before = await auditCount('case.export');
    for (const who of ['care', 'shelter', 'analyst', 'police']) {
      const res = await api.call(s[who]!, 'GET', `/api/cases/${caseId}/export?format=json`);
      expect(res.statusCode, who).toBe(403);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    expect((await api.call(null, 'GET', `/api/cases/${caseId}/export`)).statusCode).toBe(401);
    expect((await api.call(s.registrar!, 'GET', `/api/cases/${crypto.randomUUID()}/export`)).statusCode).toBe(404);
    expect((await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/export?format=pdf`)).statusCode).toBe(400);
    expect(await auditCount('case.export')).toBe(before);
    const denied = await database.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'access.denied').where('resource_id', '=', 'GET /api/cases/:id/export').execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });
});
