import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { endUncoveredReferrals } from '../referrals/end-uncovered-referrals.ts';
import { presentConsent, selectConsents } from './consent-query.ts';

/**
 * Withdraws a consent. It takes effect at once: in the same transaction every active referral that
 * no longer passes its consent gate is revoked.
 */
export async function withdrawConsent(ctx: Ctx, input: { id: string; reason: string }) {
  assertCan(ctx.actor, 'withdraw', 'consent');
  if (!input.reason.trim()) throw invalid('body.reason', 'Give the reason or circumstances of the withdrawal.');
  return inTransaction(ctx, async (tx) => {
    const consent = await tx.db.selectFrom('consents').select(['id', 'case_id', 'purpose', 'withdrawn_at']).where('id', '=', input.id).executeTakeFirst();
    if (!consent) throw notFound();
    const { row, visible } = await loadCase(tx, consent.case_id, 'read', { forUpdate: true });
    if (!visible.has('consents')) throw notFound();
    if (consent.withdrawn_at) throw conflict('This consent has already been withdrawn.');
    await tx.db
      .updateTable('consents')
      .set({ withdrawn_at: tx.clock.now(), withdrawn_by_user_id: tx.actor.userId, withdrawal_reason: input.reason.trim() })
      .where('id', '=', consent.id)
      .execute();
    await recordAudit(tx, { action: 'consent.withdraw', resourceType: 'consent', resourceId: consent.id, purpose: 'consent', details: { caseId: row.id, purpose: consent.purpose } });
    await recordCaseEvent(tx, { caseId: row.id, subject: { type: 'consent', id: consent.id }, event: 'consent-withdrawn', details: { purpose: consent.purpose } });
    const revoked = await endUncoveredReferrals(tx, getProfile(row.profile_id, row.profile_version), row.id, `Consent withdrawn (${consent.purpose})`);
    return { consent: presentConsent(await selectConsents(tx.db).where('consents.id', '=', consent.id).executeTakeFirstOrThrow()), revokedReferrals: revoked.length };
  });
}
