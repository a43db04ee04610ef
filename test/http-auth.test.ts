import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET } from '../src/demo/demo-directory.ts';
import { totpCode } from '../src/identity/totp.ts';
import { cookieFrom, createTestApp, PASSWORD, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const login = (email: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const csrfOf = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json().csrfToken as string;

describe('sign-in', () => {
  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const u = await t.makeUser({ role: 'registrar' });
    const wrong = await login(u.email, 'not the password');
    const unknown = await login('nobody@test.example', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: wrong.json().error.message });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const u = await t.makeUser({ role: 'registrar' });
    const codes: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures; i++) codes.push((await login(u.email, `wrong-${i}`)).statusCode);
    expect(codes.slice(0, -1).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(423);
    const right = await login(u.email);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance((t.config.loginLockoutMinutes + 1) * 60_000);
    expect((await login(u.email)).statusCode).toBe(200);
  });

  it('needs the second factor before anything else, refuses a wrong or replayed code', async () => {
    const u = await t.makeUser({ role: 'administrator' });
    const res = await login(u.email);
    expect(res.json().stage).toBe('second-factor');
    const cookie = cookieFrom(res);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/admin/organisations', headers: { cookie } });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    const csrf = await csrfOf(cookie);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: '000000' === totpCode(DEMO_TOTP_SECRET, t.clock.now()) ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');
    t.clock.advance(30_000);
    const code = totpCode(DEMO_TOTP_SECRET, t.clock.now());
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/organisations', headers: { cookie } })).statusCode).toBe(200);
    // The same code in another session is a replay.
    const second = cookieFrom(await login(u.email));
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: second, 'x-csrf-token': await csrfOf(second) }, payload: { code } });
    expect(replay.statusCode).toBe(401);
  });

  it('enrols a user whose role requires a second factor, and recovery codes work once', async () => {
    const u = await t.makeUser({ role: 'registrar', totp: false });
    const res = await login(u.email);
    expect(res.json().stage).toBe('enrol');
    const cookie = cookieFrom(res);
    const csrf = await csrfOf(cookie);
    const enrol = await t.app.inject({ method: 'POST', url: '/api/me/totp/enrol', headers: { cookie, 'x-csrf-token': csrf } });
    expect(enrol.statusCode).toBe(200);
    const { secret, qrSvg, otpauthUrl } = enrol.json();
    expect(qrSvg).toContain('<svg');
    expect(otpauthUrl).toContain('otpauth://totp/');
    const row = await database.db.selectFrom('users').select(['totp_pending_secret']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.totp_pending_secret).not.toContain(secret); // encrypted at rest
    const confirm = await t.app.inject({ method: 'POST', url: '/api/me/totp/confirm', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: totpCode(secret, t.clock.now()) } });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } })).statusCode).toBe(200);

    const again = cookieFrom(await login(u.email));
    const csrf2 = await csrfOf(again);
    const rec = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: again, 'x-csrf-token': csrf2 }, payload: { code: codes[0] } });
    expect(rec.statusCode).toBe(200);
    const third = cookieFrom(await login(u.email));
    const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie: third, 'x-csrf-token': await csrfOf(third) }, payload: { code: codes[0] } });
    expect(reuse.statusCode).toBe(401);
  });

  it('lets a role without personal data sign in without a second factor', async () => {
    const u = await t.makeUser({ role: 'statistics-analyst', totp: false });
    expect((await login(u.email)).json().stage).toBe('full');
  });
});

describe('sessions', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const admin = await t.makeUser({ role: 'administrator' });
    const s = await t.signIn(admin.email);
    const before = await database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/organisations', headers: { cookie: s.cookie }, payload: { name: 'No CSRF Org', type: 'ngo' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/admin/organisations', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: { name: 'No CSRF Org', type: 'ngo' } });
    expect(wrong.statusCode).toBe(403);
    const after = await database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const ok = await t.app.inject({ method: 'POST', url: '/api/admin/organisations', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'With CSRF Org', type: 'ngo' } });
    expect(ok.statusCode).toBe(201);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const u = await t.makeUser({ role: 'administrator' });
    const s = await t.signIn(u.email);
    const get = () => t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: s.cookie } });
    t.clock.advance((t.config.sessionIdleMinutes - 1) * 60_000);
    expect((await get()).statusCode).toBe(200);
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    expect((await get()).statusCode).toBe(401);

    const s2 = await t.signIn(u.email);
    for (let h = 0; h < t.config.sessionAbsoluteHours; h++) {
      t.clock.advance(25 * 60_000);
      await get();
      t.clock.advance(25 * 60_000);
      await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: s2.cookie } });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: s2.cookie } })).statusCode).toBe(401);
  });

  it('signs out everywhere', async () => {
    const u = await t.makeUser({ role: 'administrator' });
    const a = await t.signIn(u.email);
    const b = await t.signIn(u.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: a.cookie } });
    expect(list.json().items.filter((x: { current: boolean }) => x.current)).toHaveLength(1);
    expect(list.json().items.length).toBeGreaterThanOrEqual(2);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: b.cookie } })).statusCode).toBe(401);
  });

  it('sets a secure, http-only, SameSite=Strict cookie and security headers', async () => {
    const u = await t.makeUser({ role: 'statistics-analyst', totp: false });
    const res = await login(u.email);
    const c = res.cookies[0]!;
    expect(c).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(c.name).toBe('__Host-baken_session');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
