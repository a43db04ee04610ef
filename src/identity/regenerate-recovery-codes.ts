import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { checkCurrentTotp } from './check-current-totp.ts';
import { issueRecoveryCodes } from './issue-recovery-codes.ts';

export async function regenerateRecoveryCodes(ctx: Ctx, input: { userId: string; code: string }): Promise<string[]> {
  await checkCurrentTotp(ctx, input.userId, input.code);
  return inTransaction(ctx, async (tx) => {
    const codes = await issueRecoveryCodes(tx, input.userId);
    await recordAudit(tx, { action: 'auth.recovery-codes-regenerate', resourceType: 'user', resourceId: input.userId });
    return codes;
  });
}
