import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { loadCase } from './case-access.ts';
import { presentCase } from './present-case.ts';

/** Opens a case: the fields the viewer may see; every read is audited (registrars can see who viewed). */
export async function readCase(ctx: Ctx, input: { id: string; purpose?: string }) {
  return inTransaction(ctx, async (tx) => {
    const access = await loadCase(tx, input.id, 'read');
    await recordAudit(tx, {
      action: 'case.read',
      resourceType: 'case',
      resourceId: input.id,
      purpose: input.purpose ?? (access.myReferrals.length ? 'referral' : 'case-work'),
      details: { fields: [...access.visible] },
    });
    return presentCase(tx, access);
  });
}
