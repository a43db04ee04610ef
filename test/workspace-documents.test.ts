import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% SECRET-PDF-MARKER Maria Popescu\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('[Content_Types].xml...word/document.xml', 'latin1')]);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  for (const [key, p] of Object.entries({
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
    analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
  })) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  });
  const referral = (await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter })).json();
  await api.call(s.shelter!, 'POST', `/api/referrals/${referral.id}/accept`, {});
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

function upload(who: string | null, body: Buffer | string, opts: { type?: string; visibility?: string; fileName?: string; contentType?: string; id?: string } = {}) {
  const q = new URLSearchParams({ type: opts.type ?? 'legal', visibility: opts.visibility ?? 'involved', fileName: opts.fileName ?? 'verklaring.pdf' });
  const session = who ? s[who]! : null;
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${opts.id ?? caseId}/documents?${q.toString()}`,
    headers: { 'content-type': opts.contentType ?? 'application/pdf', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
    payload: body,
  });
}
const download = (who: string, id: string) => t.app.inject({ method: 'GET', url: `/api/documents/${id}/content`, headers: { cookie: s[who]!.cookie } });
const listed = async (who: string) => (await api.call(s[who]!, 'GET', `/api/cases/${caseId}/documents`)).json().items as { id: string; fileName: string | null; documentType: string }[];
const counts = async () => ({
  documents: Number((await database.db.selectFrom('case_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  files: Number((await database.db.selectFrom('stored_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  onDisk: fs.existsSync(t.config.filesDir) ? fs.readdirSync(t.config.filesDir).length : 0,
});

describe('case documents', () => {
  let involvedId: string;

  it('uploads, encrypts at rest and downloads the exact bytes with safe headers, audited', async () => {
    const res = await upload('registrar', PDF, { fileName: 'C:\\scans\\Verklaring "Maria" ü.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    involvedId = doc.id;
    expect(doc).toMatchObject({ documentType: 'legal', visibility: 'involved', mediaType: 'application/pdf', sizeBytes: PDF.length, fileName: 'Verklaring "Maria" ü.pdf' });
    expect(doc.sha256).toBe(crypto.createHash('sha256').update(PDF).digest('hex'));

    const row = await database.db.selectFrom('case_documents').innerJoin('stored_files', 'stored_files.id', 'case_documents.file_id').select(['case_documents.file_id', 'case_documents.file_name_enc', 'stored_files.purpose']).where('case_documents.id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row.purpose).toBe('case-document');
    expect(row.file_name_enc).not.toContain('Verklaring');
    const onDisk = fs.readFileSync(path.join(t.config.filesDir, `${row.file_id}.bin`));
    expect(onDisk.includes('SECRET-PDF-MARKER')).toBe(false);
    expect(onDisk.includes('%PDF')).toBe(false);

    const got = await download('shelter', doc.id);
    expect(got.statusCode).toBe(200);
    expect(Buffer.compare(got.rawPayload, PDF)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Verklaring _Maria_ _.pdf"; filename*=UTF-8''Verklaring%20%22Maria%22%20%C3%BC.pdf`);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.download').where('resource_id', '=', doc.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_organisation_id).toBe(org.shelter);
  });

  it('applies visibility and the investigation rule to lists and downloads', async () => {
    const own = (await upload('registrar', PNG, { contentType: 'image/png', visibility: 'organisation', fileName: 'intern.png' })).json();
    const police = (await upload('registrar', PDF, { type: 'police-report', fileName: 'aangifte.pdf' })).json();
    const shelterDocs = await listed('shelter');
    expect(shelterDocs.map((d) => d.id)).toContain(involvedId);
    expect(shelterDocs.map((d) => d.id)).not.toContain(own.id);
    expect(shelterDocs.map((d) => d.id)).not.toContain(police.id);
    expect((await download('shelter', own.id)).statusCode).toBe(404);
    expect((await download('shelter', police.id)).statusCode).toBe(404);
    expect((await listed('registrar')).map((d) => d.id)).toEqual(expect.arrayContaining([own.id, police.id, involvedId]));
    // Analysts: no document grants; and no personal data, so no file names even with a grant.
    expect((await api.call(s.analyst!, 'GET', `/api/cases/${caseId}/documents`)).statusCode).toBe(403);
    expect((await download('analyst', involvedId)).statusCode).toBe(403);
    await database.db.insertInto('role_grants').values({ role_id: 'statistics-analyst', resource: 'document', action: 'list' }).execute();
    try {
      const docs = await listed('analyst');
      expect(docs.length).toBeGreaterThan(0);
      expect(docs.every((d) => d.fileName === null)).toBe(true);
    } finally {
      await database.db.deleteFrom('role_grants').where('role_id', '=', 'statistics-analyst').where('resource', '=', 'document').execute();
    }
  });

  it('refuses wrong media types, mismatched content, empty and oversized files before storing anything', async () => {
    const before = await counts();
    const mismatch = await upload('registrar', PDF, { contentType: 'image/png' });
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json().error.message).toContain('looks like a PDF document');
    const exe = await upload('registrar', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), { contentType: 'application/pdf' });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toContain('none of the accepted types');
    const gif = await upload('registrar', Buffer.from('GIF89a....', 'latin1'), { contentType: 'image/gif' });
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.message).toContain('"image/gif" is not accepted');
    expect((await upload('registrar', '{"a":1}', { contentType: 'application/json' })).statusCode).toBe(415);
    expect((await upload('registrar', PNG, { contentType: 'text/plain' })).statusCode).toBe(415);
    const empty = await upload('registrar', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = await upload('registrar', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload('registrar', PDF, { type: 'selfie' })).statusCode).toBe(400);
    expect((await upload('registrar', PDF, { fileName: '/' })).statusCode).toBe(400);
    expect((await upload(null, PDF)).statusCode).toBe(401);
    expect((await upload('police', PDF)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    // The JSON parser of other routes is untouched by the upload route's raw parser.
    expect((await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/notes`, { visibility: 'involved', body: 'still JSON' })).statusCode).toBe(201);
  });

  it('accepts plain text and Word documents by their content', async () => {
    const text = await upload('shelter', 'Afspraak maandag 10:00, tolk Roemeens.\n', { contentType: 'text/plain; charset=utf-8', type: 'correspondence', fileName: 'afspraak.txt' });
    expect(text.statusCode, text.body).toBe(201);
    expect(text.json().mediaType).toBe('text/plain');
    const docx = await upload('shelter', DOCX, { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'brief.docx' });
    expect(docx.statusCode, docx.body).toBe(201);
  });

  it("removes softly with a reason, by the uploader's organisation or the registrar only", async () => {
    const remove = (who: string, id: string, reason: string) => api.call(s[who]!, 'POST', `/api/documents/${id}/remove`, { reason });
    expect((await remove('shelter', involvedId, 'Not ours')).statusCode).toBe(403);
    expect((await remove('registrar', involvedId, '  ')).statusCode).toBe(400);
    const removed = await remove('registrar', involvedId, 'Uploaded to the wrong case.');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removed.reason).toBe('Uploaded to the wrong case.');
    expect((await download('shelter', involvedId)).statusCode).toBe(404);
    expect((await download('registrar', involvedId)).statusCode).toBe(404);
    expect((await remove('registrar', involvedId, 'again')).statusCode).toBe(409);
    // Still listed (history), marked as removed; the id stays the same.
    const row = (await listed('registrar')).find((d) => d.id === involvedId) as unknown as { removed: { at: string } | null };
    expect(row.removed).not.toBeNull();
  });

  it('refuses uploads on a closed case with CONFLICT', async () => {
    const closed = await api.registeredCase(s.police!, s.registrar!);
    await api.call(s.registrar!, 'POST', `/api/cases/${closed}/close`, { reason: 'Done.' });
    const before = await counts();
    const res = await upload('registrar', PDF, { id: closed });
    expect(res.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });
});
