import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { checkCurrentTotp } from './check-current-totp.ts';
import { secondFactorRequired } from './second-factor-policy.ts';

/** Turns the second factor off, only for roles that do not require one, after a fresh code. */
export async function disableTotp(ctx: Ctx, input: { userId: string; code: string }): Promise<void> {
  if (secondFactorRequired(ctx.config, ctx.actor.seesPersonalData)) {
    throw new DomainError('CONFLICT', 'Your role requires a second factor; it cannot be turned off.');
  }
  await checkCurrentTotp(ctx, input.userId, input.code);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', input.userId).execute();
    await tx.db.deleteFrom('recovery_codes').where('user_id', '=', input.userId).execute();
    await recordAudit(tx, { action: 'auth.totp-disable', resourceType: 'user', resourceId: input.userId });
  });
}
