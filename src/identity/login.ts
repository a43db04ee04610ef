import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { verifyPassword } from './passwords.ts';
import { recordFailedAttempt } from './record-failed-attempt.ts';
import { secondFactorRequired } from './second-factor-policy.ts';
import { newCsrfToken, newSessionToken, hashSessionToken } from './session-token.ts';

export type SessionStage = 'second-factor' | 'enrol' | 'full';
export type LoginResult = { token: string; stage: SessionStage; userId: string };

/**
 * First sign-in step: e-mail and password. Creates a session whose stage says what is still needed:
 * the second factor, enrolment in one (when the role requires it), or nothing.
 * Unknown e-mail, disabled account and wrong password all answer the same.
 */
export async function login(ctx: Ctx, input: { email: string; password: string }): Promise<LoginResult> {
  const now = ctx.clock.now();
  const user = await ctx.db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.password_hash', 'users.locked_until', 'users.disabled_at', 'users.totp_enabled_at', 'roles.sees_personal_data'])
    .where((eb) => eb(eb.fn('lower', ['users.email']), '=', input.email.trim().toLowerCase()))
    .executeTakeFirst();

  if (user?.locked_until && new Date(user.locked_until) > now) {
    await recordAudit(ctx, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'denied', details: { reason: 'locked' } });
    throw new DomainError('ACCOUNT_LOCKED');
  }
  const passwordOk = await verifyPassword(user && !user.disabled_at ? user.password_hash : null, input.password);
  if (!user || user.disabled_at || !passwordOk) {
    const locked = user && !user.disabled_at ? await recordFailedAttempt(ctx, user.id) : false;
    await recordAudit(ctx, {
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      outcome: 'failed',
      details: { reason: !user ? 'unknown-email' : user.disabled_at ? 'disabled' : 'wrong-password', locked },
    });
    throw new DomainError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }

  const stage: SessionStage = user.totp_enabled_at
    ? 'second-factor'
    : secondFactorRequired(ctx.config, user.sees_personal_data)
      ? 'enrol'
      : 'full';
  const token = newSessionToken();
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(token),
      user_id: user.id,
      stage,
      csrf_token: newCsrfToken(),
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
      ip: ctx.origin.ip,
      user_agent: ctx.origin.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  if (stage === 'full') await markSignedIn(ctx, user.id);
  await recordAudit(ctx, { action: 'auth.login', resourceType: 'user', resourceId: user.id, details: { stage } });
  return { token, stage, userId: user.id };
}

/** A complete sign-in resets the failure counter. */
export async function markSignedIn(ctx: Ctx, userId: string): Promise<void> {
  await ctx.db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: ctx.clock.now() }).where('id', '=', userId).execute();
}
