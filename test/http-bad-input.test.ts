import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let s: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database, { BAKEN_BODY_LIMIT_BYTES: '4096' });
  t.app.get('/api/test/explode', { config: { auth: 'public' } }, async () => {
    throw new Error('connection string postgres://secret@db/internal failed');
  });
  const admin = await t.makeUser({ role: 'administrator' });
  s = await t.signIn(admin.email);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const counts = async () => ({
  organisations: Number((await database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  users: Number((await database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
});

const post = (url: string, payload: string | Buffer, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });

describe('bad input', () => {
  const cases: [string, string | Buffer, number, string, string?][] = [
    ['malformed JSON', '{"name": "x", "type": ', 400, 'MALFORMED_REQUEST'],
    ['a wrong type', JSON.stringify({ name: 42, type: 'ngo' }), 400, 'VALIDATION_FAILED', 'body.name'],
    ['an unknown enum value', JSON.stringify({ name: 'Valid name', type: 'pirates' }), 400, 'VALIDATION_FAILED', 'body.type'],
    ['an unknown field', JSON.stringify({ name: 'Valid name', type: 'ngo', isAdmin: true }), 400, 'VALIDATION_FAILED'],
    ['a missing field', JSON.stringify({ type: 'ngo' }), 400, 'VALIDATION_FAILED', 'body.name'],
    ['an oversized body', JSON.stringify({ name: 'x'.repeat(10_000), type: 'ngo' }), 413, 'PAYLOAD_TOO_LARGE'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","type":"ngo"}')]), 400, 'MALFORMED_REQUEST'],
    ['a prototype-pollution key', '{"name":"Proto org","type":"ngo","__proto__":{"admin":true}}', 400, 'MALFORMED_REQUEST'],
    ['an empty body', '', 400, 'MALFORMED_REQUEST'],
    ['a JSON array', '[1,2,3]', 400, 'VALIDATION_FAILED'],
    ['a huge number', '{"name":"Number org","type":"ngo","region":1e400}', 400, 'VALIDATION_FAILED', 'body.region'],
  ];
  for (const [what, body, status, code, field] of cases) {
    it(`answers ${status} ${code} to ${what} and changes nothing`, async () => {
      const before = await counts();
      const res = await post('/api/admin/organisations', body);
      expect(res.statusCode).toBe(status);
      const error = res.json().error;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.requestId).toBeTruthy();
      if (field) expect(error.problems.map((p: { field: string }) => p.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses a body that is not JSON', async () => {
    const res = await post('/api/admin/organisations', 'name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('stores SQL and HTML injection strings as plain text', async () => {
    const name = `Robert'); DROP TABLE users;-- <script>alert(1)</script>`;
    const res = await post('/api/admin/organisations', JSON.stringify({ name, type: 'ngo' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    expect((await counts()).users).toBeGreaterThan(0);
    const search = await t.app.inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent("%' OR 1=1 --")}`, headers: { cookie: s.cookie } });
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
  });

  it('validates path and query parameters', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/not-a-uuid', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { displayName: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0].field).toBe('params.id');
    const q = await t.app.inject({ method: 'GET', url: '/api/admin/audit?before=99999999999999999999999&limit=abc', headers: { cookie: s.cookie } });
    expect(q.statusCode).toBe(400);
    expect(new Set(q.json().error.problems.map((p: { field: string }) => p.field))).toEqual(new Set(['querystring.before', 'querystring.limit']));
  });

  it('answers an unexpected failure with 500, a request id and no internals, and keeps serving', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.json().error.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(res.body).not.toContain('postgres://');
    expect(res.body).not.toContain('stack');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('describes every route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/second-factor', '/api/me/sessions', '/api/admin/users', '/api/admin/roles/{id}', '/api/admin/audit']) expect(paths).toContain(p);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
