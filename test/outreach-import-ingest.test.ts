import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  for (const [key, role] of Object.entries({ worker: 'outreach-worker', admin: 'administrator', registrar: 'registrar' })) {
    s[key] = await t.signIn((await t.makeUser({ role })).email);
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const call = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });
const ingest = (token: string | null, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/outreach/ingest', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as object });

const ad = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Sanne ${id}`,
  body: `Hoi, ik ben Sanne, nieuw in Utrecht. Bel me op 06${String(12345000 + Number(id.replace(/\D/g, '') || 0)).padStart(8, '0')}`,
  city: 'Utrecht',
  country: 'NL',
  ...extra,
});
const adCount = async () => Number((await database.db.selectFrom('outreach_ads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

let sourceId: string;
let token: string;

describe('sources and their credentials', () => {
  it('are created and managed by administrators, listed for outreach workers', async () => {
    const created = await call('admin', 'POST', '/api/outreach/sources', { code: 'sexmarkt.nl', name: 'Sexmarkt' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'sexmarkt.nl', name: 'Sexmarkt', credential: null, ads: 0 });
    sourceId = created.json().id;
    const duplicate = await call('admin', 'POST', '/api/outreach/sources', { code: 'sexmarkt.nl', name: 'Again' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.problems[0].field).toBe('body.code');
    const bad = await call('admin', 'POST', '/api/outreach/sources', { code: 'Not A Code!', name: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['body.code', 'body.name']);

    expect((await call('worker', 'POST', '/api/outreach/sources', { code: 'other.nl', name: 'Other' })).statusCode).toBe(403);
    expect((await call('worker', 'POST', `/api/outreach/sources/${sourceId}/credential`)).statusCode).toBe(403);
    expect((await call('worker', 'DELETE', `/api/outreach/sources/${sourceId}/credential`)).statusCode).toBe(403);
    expect((await call('registrar', 'GET', '/api/outreach/sources')).statusCode).toBe(403);
    const list = await call('worker', 'GET', '/api/outreach/sources');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual(['sexmarkt.nl']);
  });

  it('issue a credential shown once; only its hash and hint are stored', async () => {
    const issued = await call('admin', 'POST', `/api/outreach/sources/${sourceId}/credential`);
    expect(issued.statusCode, issued.body).toBe(201);
    token = issued.json().token;
    expect(token).toMatch(/^bkn_src_[A-Za-z0-9_-]{43}$/);
    expect(issued.json().source.credential).toEqual({ hint: `…${token.slice(-4)}` });
    const row = await database.db.selectFrom('outreach_sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await call('worker', 'GET', '/api/outreach/sources');
    expect(listed.body).not.toContain(token);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('resource_type', '=', 'outreach-source').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['outreach-source.create', 'outreach-source.issue-credential']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });
});

describe('the ingestion API', () => {
  it('imports valid ads with the source credential and reports the others by index', async () => {
    const res = await ingest(token, {
      ads: [ad('a1'), ad('a2', { source: 'sexmarkt.nl' }), ad('a3', { source: 'kinky.nl' }), ad('a4', { age: 'twenty' }), 'not an ad', ad('a1')],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 6, created: 2, updated: 0, unchanged: 0, malformed: 3 });
    expect(res.json().problems).toEqual([
      { index: 2, message: '"source" is "kinky.nl", but this credential is for the source "sexmarkt.nl"' },
      { index: 3, message: '"age" must be a number' },
      { index: 4, message: 'expected a JSON object, got string' },
    ]);
    const ads = await database.db.selectFrom('outreach_ads').select(['source', 'external_id']).orderBy('external_id').execute();
    expect(ads).toEqual([{ source: 'sexmarkt.nl', external_id: 'a1' }, { source: 'sexmarkt.nl', external_id: 'a2' }]);
    const run = await database.db.selectFrom('outreach_imports').selectAll().where('id', '=', res.json().importId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ channel: 'api', source_id: sourceId, status: 'done', started_by_label: 'source:sexmarkt.nl', created: 2, malformed: 3, lines: 6 });
    // The same ads again: nothing new.
    const again = await ingest(token, { ads: [ad('a1'), ad('a2')] });
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2, malformed: 0, problems: [] });
  });

  it('answers 401 without detail to a missing, wrong or revoked credential, before reading the input', async () => {
    const before = await adCount();
    for (const bad of [null, 'bkn_src_wrongwrongwrongwrongwrongwrongwrongwrong12', 'short']) {
      const res = await ingest(bad, { ads: [ad('x1')] });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'A valid source credential is required: Authorization: Bearer <token>.', problems: [] });
    }
    // A caller without a credential learns nothing about the shape of the input.
    expect((await ingest(null, { nonsense: true })).statusCode).toBe(401);

    const rotated = await call('admin', 'POST', `/api/outreach/sources/${sourceId}/credential`);
    const fresh = rotated.json().token as string;
    expect((await ingest(token, { ads: [ad('x2')] })).statusCode).toBe(401);
    expect((await ingest(fresh, { ads: [ad('x3')] })).statusCode).toBe(200);
    const revoked = await call('admin', 'DELETE', `/api/outreach/sources/${sourceId}/credential`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ credential: null, revokedAt: expect.any(String) });
    expect((await ingest(fresh, { ads: [ad('x4')] })).statusCode).toBe(401);
    expect((await call('admin', 'DELETE', `/api/outreach/sources/${sourceId}/credential`)).statusCode).toBe(409);
    expect(await adCount()).toBe(before + 1);
    const refusals = await database.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'outreach-ingest.refused').execute();
    expect(refusals.length).toBe(6);
    expect(refusals.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('checks the request itself field by field', async () => {
    const again = (await call('admin', 'POST', `/api/outreach/sources/${sourceId}/credential`)).json().token as string;
    const tooMany = await ingest(again, { ads: Array.from({ length: 1001 }, (_, i) => ad(`m${i}`)) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.problems).toEqual([{ field: 'body.ads', problem: 'send at most 1000 ads per request' }]);
    const none = await ingest(again, { ads: [] });
    expect(none.json().error.problems).toEqual([{ field: 'body.ads', problem: 'send at least one ad' }]);
    const extra = await ingest(again, { ads: [ad('e1')], more: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('limits requests per address, refused ones included (run last: it uses up the allowance)', async () => {
    let status = 0;
    for (let i = 0; i < 310 && status !== 429; i++) status = (await ingest(`bkn_src_guess${String(i).padStart(40, '0')}`, { ads: [ad('r1')] })).statusCode;
    expect(status).toBe(429);
  });
});
