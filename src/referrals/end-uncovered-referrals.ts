import { recordAudit } from '../audit/record-audit.ts';
import { ACTIVE_REFERRAL_STATUSES } from '../cases/case-access.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { activeConsents, checkGate } from '../consents/consent-gate.ts';
import type { Ctx } from '../context.ts';
import type { Profile } from '../profiles/profile-schema.ts';

/**
 * After a consent is withdrawn: every active referral of the case whose consent gate is now closed
 * is revoked at once (the receiving organisation loses access in the same transaction). Referrals
 * made under an audited override are left alone: they never relied on consent.
 */
export async function endUncoveredReferrals(ctx: Ctx, profile: Profile, caseId: string, reason: string): Promise<string[]> {
  const consents = await activeConsents(ctx, caseId);
  const active = await ctx.db
    .selectFrom('referrals')
    .select(['id', 'type', 'organisation_id'])
    .where('case_id', '=', caseId)
    .where('status', 'in', ACTIVE_REFERRAL_STATUSES)
    .where('consent_override_reason', 'is', null)
    .forUpdate()
    .execute();
  const revoked: string[] = [];
  const now = ctx.clock.now();
  for (const referral of active) {
    const gate = checkGate(profile, referral.type, referral.organisation_id, consents);
    if (gate.open) continue;
    await ctx.db
      .updateTable('referrals')
      .set({ status: 'revoked', ended_at: now, ended_reason: reason, ended_by_user_id: ctx.actor.userId })
      .where('id', '=', referral.id)
      .execute();
    await recordAudit(ctx, {
      action: 'referral.revoke',
      resourceType: 'referral',
      resourceId: referral.id,
      purpose: 'consent',
      details: { caseId, cause: 'consent-withdrawn', missing: gate.missing },
    });
    await recordCaseEvent(ctx, { caseId, subject: { type: 'referral', id: referral.id, referralType: referral.type }, event: 'referral-revoked', details: { cause: 'consent-withdrawn' } });
    revoked.push(referral.id);
  }
  return revoked;
}
