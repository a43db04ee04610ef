import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { outreachImportJobHandlers } from '../src/outreach-work/import/import-jobs.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let tmp: string;
let corpus: Buffer;
const s: Record<string, Session> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  for (const [key, role] of Object.entries({ worker: 'outreach-worker', admin: 'administrator', registrar: 'registrar', analyst: 'statistics-analyst' })) {
    s[key] = await t.signIn((await t.makeUser({ role })).email);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-import-upload-'));
  await generateCorpus({ ads: 60, seed: 'upload', out: path.join(tmp, 'ads.jsonl'), truth: path.join(tmp, 'truth.jsonl') });
  corpus = fs.readFileSync(path.join(tmp, 'ads.jsonl'));
});
afterAll(async () => {
  await t.app.close();
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const upload = (who: string, body: Buffer | string, contentType = 'application/x-ndjson', fileName = 'ads.jsonl') =>
  t.app.inject({
    method: 'POST',
    url: `/api/outreach/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf, 'content-type': contentType },
    payload: body,
  });
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });

function runJobs() {
  const { actor: _a, origin: _o, ...services } = t.ctx;
  return createWorker({ services: { ...services, db: database.db }, handlers: outreachImportJobHandlers, workerId: 'w-import', pollMs: 10 }).runDue();
}

/** Uploads, runs the job, and returns the finished run as the API shows it. */
async function importThroughUpload(body: Buffer | string, fileName = 'ads.jsonl') {
  t.clock.advance(1000); // runs are listed newest first
  const res = await upload('worker', body, 'application/x-ndjson', fileName);
  expect(res.statusCode, res.body).toBe(202);
  const { id } = res.json();
  const queued = (await get('worker', `/api/outreach/imports/${id}`)).json();
  expect(queued).toMatchObject({ id, channel: 'upload', status: 'queued', fileName, totalBytes: Buffer.byteLength(body), processedBytes: 0 });
  expect(await runJobs()).toBe(1);
  const done = await get('worker', `/api/outreach/imports/${id}`);
  expect(done.statusCode).toBe(200);
  return done.json();
}

const count = async (table: 'outreach_ads' | 'outreach_ad_versions' | 'outreach_clusters' | 'outreach_imports') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const uploadedFiles = async () =>
  Number((await database.db.selectFrom('stored_files').select((eb) => eb.fn.countAll().as('n')).where('purpose', '=', 'outreach-import').executeTakeFirstOrThrow()).n);

describe('upload of a JSON Lines file, imported by the job', () => {
  it('imports every ad, reports progress to the end and deletes the uploaded file', async () => {
    const run = await importThroughUpload(corpus);
    expect(run).toMatchObject({ status: 'done', lines: 60, created: 60, updated: 0, unchanged: 0, malformed: 0, problems: [], error: null });
    expect(run.processedBytes).toBe(corpus.length);
    expect(run.clustersTouched).toBeGreaterThan(0);
    expect(run.finishedAt).not.toBeNull();
    expect(await count('outreach_ads')).toBe(60);
    expect(await count('outreach_clusters')).toBeGreaterThan(0);
    expect(await uploadedFiles()).toBe(0);
    const row = await database.db.selectFrom('outreach_imports').select(['file_id', 'started_by_label']).where('id', '=', run.id).executeTakeFirstOrThrow();
    expect(row.file_id).toBeNull();
    // Ad texts are only stored encrypted.
    const ad = await database.db.selectFrom('outreach_ads').select('record_enc').limit(1).executeTakeFirstOrThrow();
    expect(ad.record_enc.startsWith('ev1.')).toBe(true);
  });

  it('is idempotent: the same file again leaves every ad unchanged and adds no version', async () => {
    const versions = await count('outreach_ad_versions');
    const run = await importThroughUpload(corpus);
    expect(run).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 60, malformed: 0 });
    expect(await count('outreach_ads')).toBe(60);
    expect(await count('outreach_ad_versions')).toBe(versions);
    const list = (await get('worker', '/api/outreach/imports')).json().items;
    expect(list.slice(0, 2).map((i: { unchanged: number; created: number }) => [i.created, i.unchanged])).toEqual([[0, 60], [60, 0]]);
  });

  it('keeps the history of an edited ad: version 2, the first version in outreach_ad_versions', async () => {
    const first = JSON.parse(corpus.toString('utf8').split('\n')[0]!);
    const edited = { ...first, body: `${first.body ?? ''} Nu ook in het weekend.` };
    const run = await importThroughUpload(`${JSON.stringify(edited)}\n`, 'edit.jsonl');
    expect(run).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: 0 });
    const ad = await database.db.selectFrom('outreach_ads').select(['id', 'version']).where('source', '=', first.source).where('external_id', '=', first.id).executeTakeFirstOrThrow();
    expect(ad.version).toBe(2);
    const history = await database.db.selectFrom('outreach_ad_versions').select(['version', 'import_id']).where('ad_id', '=', ad.id).execute();
    expect(history.map((h) => h.version)).toEqual([1]);
  });

  it('reports malformed lines by number, without their values, and imports the rest', async () => {
    const lines = corpus.toString('utf8').trim().split('\n').slice(0, 3);
    const text = [
      lines[1],
      '{"id":"bad-1","source":"x.nl","age":"nineteen"}',
      '',
      'not json at all',
      '{"source":"x.nl","body":"no id"}',
      '{"id":"new-1","source":"upload-test.nl","body":"Nieuwe advertentie, bel 0612345678","phones":["0612345678"],"country":"NL"}',
    ].join('\r\n');
    const run = await importThroughUpload(`\ufeff${text}`, 'mixed.jsonl');
    expect(run).toMatchObject({ status: 'done', lines: 6, created: 1, unchanged: 1, malformed: 3 });
    expect(run.problems).toEqual([
      { line: 2, message: '"age" must be a number' },
      { line: 4, message: expect.stringMatching(/^invalid JSON/) },
      { line: 5, message: 'missing "id"' },
    ]);
    expect(JSON.stringify(run.problems)).not.toContain('nineteen');
  });

  it('starts again from the first line after a crash halfway, with correct counts', async () => {
    const res = await upload('worker', corpus);
    const { id } = res.json();
    // A worker died while running: the row says "running" with half-written counts.
    await database.db.updateTable('outreach_imports').set({ status: 'running', processed_bytes: 100, created: 7, lines: 9 }).where('id', '=', id).execute();
    expect(await runJobs()).toBe(1);
    const run = (await get('worker', `/api/outreach/imports/${id}`)).json();
    // Every ad again; the one edited above goes back to its first text (a new version).
    expect(run).toMatchObject({ status: 'done', lines: 60, created: 0, updated: 1, unchanged: 59, malformed: 0, processedBytes: corpus.length });
  });

  it('refuses other media types, empty files, and changes nothing', async () => {
    const before = await count('outreach_imports');
    const wrongType = await upload('worker', corpus, 'text/csv');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await upload('worker', '', 'application/jsonl');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.problems).toEqual([{ field: 'file', problem: 'The file is empty.' }]);
    const longName = await upload('worker', corpus, 'application/jsonl', 'x'.repeat(300));
    expect(longName.statusCode).toBe(400);
    expect(longName.json().error.problems[0].field).toBe('querystring.fileName');
    expect(await count('outreach_imports')).toBe(before);
    expect(await uploadedFiles()).toBe(0);
  });

  it('is for outreach workers only', async () => {
    for (const who of ['registrar', 'analyst', 'admin']) {
      expect((await upload(who, corpus)).statusCode, who).toBe(403);
    }
    for (const who of ['registrar', 'admin']) {
      expect((await get(who, '/api/outreach/imports')).statusCode, who).toBe(403);
    }
    const anyId = (await get('worker', '/api/outreach/imports')).json().items[0].id;
    expect((await get('registrar', `/api/outreach/imports/${anyId}`)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/outreach/imports', headers: { 'content-type': 'application/x-ndjson' }, payload: corpus });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/outreach/imports', headers: { cookie: s.worker!.cookie, 'content-type': 'application/x-ndjson' }, payload: corpus });
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');
    expect((await get('worker', '/api/outreach/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
