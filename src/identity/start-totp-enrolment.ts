import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { enrolmentDetails, newTotpSecret } from './totp.ts';
import { sealTotpSecret } from './user-secrets.ts';

/** Creates a pending TOTP secret for the signed-in user; it becomes active once a code confirms it. */
export async function startTotpEnrolment(ctx: Ctx, input: { userId: string }) {
  const user = await ctx.db.selectFrom('users').select(['id', 'email']).where('id', '=', input.userId).executeTakeFirstOrThrow();
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_secret: sealTotpSecret(ctx.keyring, user.id, secret, 'totp_pending_secret') })
    .where('id', '=', user.id)
    .execute();
  await recordAudit(ctx, { action: 'auth.totp-enrol-start', resourceType: 'user', resourceId: user.id });
  return enrolmentDetails(secret, user.email);
}
