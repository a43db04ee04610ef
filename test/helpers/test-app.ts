import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { FakeClock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { systemActor } from '../../src/access/actor.ts';
import { buildServer } from '../../src/http/server.ts';
import type { ServerState } from '../../src/http/server-state.ts';
import { DEMO_TOTP_SECRET } from '../../src/demo/demo-directory.ts';
import { sealTotpSecret } from '../../src/identity/user-secrets.ts';
import { createOrganisation } from '../../src/organisations/create-organisation.ts';
import { createUser } from '../../src/users/create-user.ts';
import { totpCode } from '../../src/identity/totp.ts';
import type { Ctx } from '../../src/context.ts';
import { testKeyring } from './test-context.ts';
import type { TestDatabase } from './test-db.ts';

export const PASSWORD = 'correct horse battery staple';

export type TestApp = {
  app: FastifyInstance;
  clock: FakeClock;
  config: Config;
  ctx: Ctx;
  /** Creates an organisation and a user in it (TOTP enrolled with DEMO_TOTP_SECRET unless `totp: false`). */
  makeUser(opts: { role: string; org?: string; orgType?: string; totp?: boolean }): Promise<{ id: string; email: string; organisationId: string }>;
  /** Signs in fully (password + TOTP) and returns the cookie and CSRF token. */
  signIn(email: string): Promise<Session>;
};

export type Session = { cookie: string; csrf: string };

let counter = 0;

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name.includes('baken_session'));
  if (!c) throw new Error(`no session cookie in response ${res.statusCode} ${res.body}`);
  return `${c.name}=${c.value}`;
}

export async function createTestApp(database: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const clock = new FakeClock('2026-03-02T09:00:00Z');
  const config = loadConfig({ BAKEN_DATA_DIR: database.dataDir ?? '.tmp/test-data', LOG_LEVEL: 'silent', BAKEN_LOGIN_RATE_PER_MINUTE: '1000', ...env });
  const logger = pino({ level: 'silent' });
  const keyring = testKeyring();
  const state: ServerState = {
    services: { db: database.db, database, migration: { applied: [], wasEmpty: false }, keyring, config, logger, clock },
    ready: true,
  };
  const app = await buildServer(config, state, logger);
  const ctx: Ctx = { db: database.db, keyring, config, logger, clock, actor: systemActor('test'), origin: { ip: null, requestId: null } };

  async function makeUser(opts: { role: string; org?: string; orgType?: string; totp?: boolean }) {
    const n = ++counter;
    const orgName = opts.org ?? `Org ${n} ${Math.random().toString(36).slice(2, 7)}`;
    const existing = await database.db.selectFrom('organisations').select('id').where('name', '=', orgName).executeTakeFirst();
    const orgId = existing?.id ?? (await createOrganisation(ctx, { name: orgName, type: (opts.orgType ?? 'ngo') as never })).id;
    const email = `user${n}-${Math.random().toString(36).slice(2, 7)}@test.example`;
    const user = await createUser(ctx, { email, displayName: `Test User ${n}`, organisationId: orgId, roleId: opts.role, password: PASSWORD });
    if (opts.totp !== false) {
      await database.db
        .updateTable('users')
        .set({ totp_secret: sealTotpSecret(keyring, user.id, DEMO_TOTP_SECRET, 'totp_secret'), totp_enabled_at: clock.now() })
        .where('id', '=', user.id)
        .execute();
    }
    return { id: user.id, email, organisationId: orgId };
  }

  async function signIn(email: string): Promise<Session> {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = cookieFrom(login);
    if (login.json().stage === 'second-factor') {
      clock.advance(30_000); // a fresh time step, so codes are never replays
      const s = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      const r = await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: { cookie, 'x-csrf-token': s.json().csrfToken }, payload: { code: totpCode(DEMO_TOTP_SECRET, clock.now()) } });
      if (r.statusCode !== 200) throw new Error(`second factor failed: ${r.body}`);
    }
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    return { cookie, csrf: session.json().csrfToken };
  }

  return { app, clock, config, ctx, makeUser, signIn };
}
