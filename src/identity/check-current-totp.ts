import type { Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { recordFailedAttempt } from './record-failed-attempt.ts';
import { matchTotp } from './totp.ts';
import { openTotpSecret } from './user-secrets.ts';

/** Re-authentication for sensitive account changes: a fresh TOTP code (not one used before). */
export async function checkCurrentTotp(ctx: Ctx, userId: string, code: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['id', 'totp_secret', 'totp_last_step']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!user.totp_secret) throw new DomainError('CONFLICT', 'No second factor is set up for this account.');
  const step = matchTotp(openTotpSecret(ctx.keyring, user.id, user.totp_secret, 'totp_secret'), code.trim(), ctx.clock.now());
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
    await recordFailedAttempt(ctx, userId);
    throw new DomainError('INVALID_SECOND_FACTOR', undefined, [{ field: 'body.code', problem: 'The code is wrong or was already used.' }]);
  }
  await ctx.db.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
}
