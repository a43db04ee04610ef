import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole } from '../src/roles/save-role.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  // A role scoped to its own organisation: an organisation's own user administrator.
  await createRole(t.ctx, { id: 'org-user-admin', name: 'Organisation user admin', scope: 'organisation', seesPersonalData: true, grants: ['user:list', 'user:update'] });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('authorisation', () => {
  it("keeps organisation A's user out of organisation B's records, as if they did not exist", async () => {
    const a = await t.makeUser({ role: 'org-user-admin', org: 'Organisation A' });
    const a2 = await t.makeUser({ role: 'first-responder', org: 'Organisation A' });
    const b = await t.makeUser({ role: 'first-responder', org: 'Organisation B' });
    const s = await t.signIn(a.email);

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(a2.id);
    expect(ids).not.toContain(b.id);

    const other = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${b.id}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { displayName: 'Hijacked' } });
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/00000000-0000-4000-8000-000000000000', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { displayName: 'Hijacked' } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
    const row = await database.db.selectFrom('users').select('display_name').where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row.display_name).not.toBe('Hijacked');

    const own = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${a2.id}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { displayName: 'Renamed colleague' } });
    expect(own.statusCode).toBe(200);
    expect(own.json().displayName).toBe('Renamed colleague');
  });

  it('denies by default: a role without grants reaches no admin endpoint, and the denial is audited', async () => {
    const u = await t.makeUser({ role: 'first-responder' });
    const s = await t.signIn(u.email);
    for (const url of ['/api/admin/users', '/api/admin/organisations', '/api/admin/roles', '/api/admin/audit']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const denied = await database.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', u.id).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBe(4);
  });

  it('applies a change of grants at the next request', async () => {
    const admin = await t.makeUser({ role: 'administrator' });
    const s = await t.signIn(admin.email);
    const analyst = await t.makeUser({ role: 'statistics-analyst', totp: false });
    const sa = await t.signIn(analyst.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/organisations', headers: { cookie: sa.cookie } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/roles/statistics-analyst', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { grants: ['organisation:list'] } });
    expect(put.statusCode).toBe(200);
    expect(put.json().grants).toEqual(['organisation:list']);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/organisations', headers: { cookie: sa.cookie } })).statusCode).toBe(200);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/admin/roles/statistics-analyst', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { grants: ['case:delete-everything'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].field).toBe('body.grants.0');
  });

  it('audits reads of staff personal data with a purpose', async () => {
    const admin = await t.makeUser({ role: 'administrator' });
    const s = await t.signIn(admin.email);
    await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: s.cookie } });
    const entry = await database.db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', admin.id).where('action', '=', 'user.list').executeTakeFirstOrThrow();
    expect(entry.purpose).toBe('administration');
    expect(entry.ip).toBeTruthy();
    expect(entry.request_id).toBeTruthy();
  });
});

describe('background jobs page', () => {
  it('lists jobs for administrators without their payloads, and refuses others', async () => {
    const { enqueueJob } = await import('../src/jobs/enqueue-job.ts');
    await enqueueJob(database.db, { type: 'test.sensitive', payload: { name: 'A. Person' } }, t.clock);
    const admin = await t.makeUser({ role: 'administrator' });
    const s = await t.signIn(admin.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/jobs?status=queued', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((j: { type: string }) => j.type)).toContain('test.sensitive');
    expect(res.body).not.toContain('A. Person');
    const other = await t.makeUser({ role: 'registrar' });
    const so = await t.signIn(other.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: { cookie: so.cookie } })).statusCode).toBe(403);
  });
});
