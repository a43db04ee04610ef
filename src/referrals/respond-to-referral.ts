import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors/catalogue.ts';
import { presentReferral, selectReferrals } from './referral-query.ts';

export type ReferralResponse = { id: string } & ({ action: 'accept'; note?: string } | { action: 'decline'; reason: string } | { action: 'complete'; note?: string });

const FROM = { accept: 'requested', decline: 'requested', complete: 'accepted' } as const;
const TO = { accept: 'accepted', decline: 'declined', complete: 'completed' } as const;

/** The receiving organisation accepts or declines (with reason) a referral, and completes it later. */
export async function respondToReferral(ctx: Ctx, input: ReferralResponse) {
  assertCan(ctx.actor, 'respond', 'referral');
  if (input.action === 'decline' && !input.reason.trim()) throw invalid('body.reason', 'Give the reason for declining.');
  return inTransaction(ctx, async (tx) => {
    const referral = await tx.db.selectFrom('referrals').select(['id', 'status', 'organisation_id', 'case_id', 'type']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    // Only the receiving organisation answers; to anyone else the referral does not exist.
    if (!referral || referral.organisation_id !== tx.actor.organisationId) throw notFound();
    if (referral.status !== FROM[input.action]) throw conflict(`A ${referral.status} referral cannot be ${TO[input.action]}.`);
    const now = tx.clock.now();
    const note = input.action === 'decline' ? null : input.note?.trim() || null;
    await tx.db
      .updateTable('referrals')
      .set(
        input.action === 'complete'
          ? { status: 'completed', completed_at: now, ended_at: now, ended_by_user_id: tx.actor.userId, response_note: note }
          : input.action === 'accept'
            ? { status: 'accepted', responded_at: now, responded_by_user_id: tx.actor.userId, response_note: note }
            : { status: 'declined', responded_at: now, responded_by_user_id: tx.actor.userId, ended_at: now, ended_reason: input.reason.trim(), ended_by_user_id: tx.actor.userId },
      )
      .where('id', '=', referral.id)
      .execute();
    await recordAudit(tx, { action: `referral.${input.action}`, resourceType: 'referral', resourceId: referral.id, purpose: 'referral', details: { caseId: referral.case_id } });
    await recordCaseEvent(tx, { caseId: referral.case_id, subject: { type: 'referral', id: referral.id, referralType: referral.type }, event: `referral-${TO[input.action]}` });
    return presentReferral(await selectReferrals(tx.db).where('referrals.id', '=', referral.id).executeTakeFirstOrThrow());
  });
}
