import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { markSignedIn } from './login.ts';
import { recordFailedAttempt } from './record-failed-attempt.ts';
import { hashRecoveryCode, matchTotp } from './totp.ts';
import { openTotpSecret } from './user-secrets.ts';

/**
 * Second sign-in step: a TOTP code (6 digits, never the same time step twice) or a one-time
 * recovery code. Failures count towards the account lockout.
 */
export async function verifySecondFactor(ctx: Ctx, input: { sessionId: string; userId: string; code: string }): Promise<void> {
  const code = input.code.trim();
  const accepted = await inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['id', 'totp_secret', 'totp_last_step', 'locked_until'])
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.locked_until && new Date(user.locked_until) > tx.clock.now()) throw new DomainError('ACCOUNT_LOCKED');
    if (!user.totp_secret) throw new DomainError('CONFLICT', 'No second factor is set up for this account.');
    if (/^\d{6}$/.test(code)) {
      const step = matchTotp(openTotpSecret(tx.keyring, user.id, user.totp_secret, 'totp_secret'), code, tx.clock.now());
      if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return 'none';
      await tx.db.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
      return 'totp';
    }
    const used = await tx.db
      .updateTable('recovery_codes')
      .set({ used_at: tx.clock.now() })
      .where('user_id', '=', user.id)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return used ? 'recovery-code' : 'none';
  });

  if (accepted === 'none') {
    const locked = await recordFailedAttempt(ctx, input.userId);
    await recordAudit(ctx, { action: 'auth.second-factor', resourceType: 'user', resourceId: input.userId, outcome: 'failed', details: { locked } });
    throw new DomainError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_SECOND_FACTOR');
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('sessions').set({ stage: 'full' }).where('id', '=', input.sessionId).execute();
    await markSignedIn(tx, input.userId);
    await recordAudit(tx, { action: 'auth.second-factor', resourceType: 'user', resourceId: input.userId, details: { method: accepted } });
  });
}
