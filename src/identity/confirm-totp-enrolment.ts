import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { issueRecoveryCodes } from './issue-recovery-codes.ts';
import { markSignedIn } from './login.ts';
import { matchTotp } from './totp.ts';
import { openTotpSecret, sealTotpSecret } from './user-secrets.ts';

/**
 * Activates the pending TOTP secret when the code matches, issues fresh recovery codes and, for a
 * session that was waiting for enrolment, completes the sign-in.
 */
export async function confirmTotpEnrolment(ctx: Ctx, input: { userId: string; sessionId: string; code: string }): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db.selectFrom('users').select(['id', 'totp_pending_secret']).where('id', '=', input.userId).forUpdate().executeTakeFirstOrThrow();
    if (!user.totp_pending_secret) throw new DomainError('CONFLICT', 'Start the set-up first.');
    const secret = openTotpSecret(tx.keyring, user.id, user.totp_pending_secret, 'totp_pending_secret');
    const step = matchTotp(secret, input.code.trim(), tx.clock.now());
    if (step === null) throw new DomainError('INVALID_SECOND_FACTOR', undefined, [{ field: 'body.code', problem: 'The code does not match; check the time on your phone.' }]);
    await tx.db
      .updateTable('users')
      .set({
        totp_secret: sealTotpSecret(tx.keyring, user.id, secret, 'totp_secret'),
        totp_pending_secret: null,
        totp_enabled_at: tx.clock.now(),
        totp_last_step: step,
      })
      .where('id', '=', user.id)
      .execute();
    const codes = await issueRecoveryCodes(tx, user.id);
    const wasEnrolling = await tx.db
      .updateTable('sessions')
      .set({ stage: 'full' })
      .where('id', '=', input.sessionId)
      .where('stage', '=', 'enrol')
      .returning('id')
      .executeTakeFirst();
    if (wasEnrolling) await markSignedIn(tx, user.id);
    await recordAudit(tx, { action: 'auth.totp-enrol-confirm', resourceType: 'user', resourceId: user.id });
    return codes;
  });
}
