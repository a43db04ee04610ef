import { recordAudit } from '../audit/record-audit.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { ACTIVE_REFERRAL_STATUSES, loadCase } from './case-access.ts';
import { readCase } from './read-case.ts';

/**
 * Closes a case with a reason. Every active referral ends in the same transaction (partners lose
 * access at once), and the `case-closed` event stops the clocks the profile says it stops.
 */
export async function closeCase(ctx: Ctx, input: { id: string; reason: string }) {
  if (!input.reason.trim()) throw invalid('body.reason', 'Give the reason for closing the case.');
  await inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.id, 'close', { forUpdate: true });
    if (row.status === 'closed') throw conflict('The case is already closed.');
    const now = tx.clock.now();
    const active = await tx.db
      .selectFrom('referrals')
      .select(['id', 'type'])
      .where('case_id', '=', row.id)
      .where('status', 'in', ACTIVE_REFERRAL_STATUSES)
      .forUpdate()
      .execute();
    for (const referral of active) {
      await tx.db
        .updateTable('referrals')
        .set({ status: 'revoked', ended_at: now, ended_reason: 'Case closed', ended_by_user_id: tx.actor.userId })
        .where('id', '=', referral.id)
        .execute();
      await recordCaseEvent(tx, { caseId: row.id, subject: { type: 'referral', id: referral.id, referralType: referral.type }, event: 'referral-revoked' });
      await recordAudit(tx, { action: 'referral.revoke', resourceType: 'referral', resourceId: referral.id, purpose: 'case-work', details: { caseId: row.id, cause: 'case-closed' } });
    }
    await tx.db.updateTable('cases').set({ status: 'closed', closed_at: now, closure_reason: input.reason.trim(), updated_at: now }).where('id', '=', row.id).execute();
    await recordCaseEvent(tx, { caseId: row.id, event: 'case-closed', details: { reason: input.reason.trim() } });
    await recordAudit(tx, { action: 'case.close', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { referralsEnded: active.length } });
  });
  return readCase(ctx, { id: input.id });
}
