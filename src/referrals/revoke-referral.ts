import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACTIVE_REFERRAL_STATUSES, loadCase } from '../cases/case-access.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors/catalogue.ts';
import { presentReferral, selectReferrals } from './referral-query.ts';

/** Ends a requested or accepted referral; the receiving organisation loses access at once. */
export async function revokeReferral(ctx: Ctx, input: { id: string; reason: string }) {
  assertCan(ctx.actor, 'revoke', 'referral');
  if (!input.reason.trim()) throw invalid('body.reason', 'Give the reason for revoking.');
  return inTransaction(ctx, async (tx) => {
    const referral = await tx.db.selectFrom('referrals').select(['id', 'status', 'case_id', 'type']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!referral) throw notFound();
    await loadCase(tx, referral.case_id, 'read');
    if (!(ACTIVE_REFERRAL_STATUSES as readonly string[]).includes(referral.status)) throw conflict(`A ${referral.status} referral cannot be revoked.`);
    await tx.db
      .updateTable('referrals')
      .set({ status: 'revoked', ended_at: tx.clock.now(), ended_reason: input.reason.trim(), ended_by_user_id: tx.actor.userId })
      .where('id', '=', referral.id)
      .execute();
    await recordAudit(tx, { action: 'referral.revoke', resourceType: 'referral', resourceId: referral.id, purpose: 'referral', details: { caseId: referral.case_id } });
    await recordCaseEvent(tx, { caseId: referral.case_id, subject: { type: 'referral', id: referral.id, referralType: referral.type }, event: 'referral-revoked' });
    return presentReferral(await selectReferrals(tx.db).where('referrals.id', '=', referral.id).executeTakeFirstOrThrow());
  });
}
