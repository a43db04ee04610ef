import { assertCan, can } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACTIVE_REFERRAL_STATUSES, loadCase } from '../cases/case-access.ts';
import { CodeCheck } from '../cases/profile-codes.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { activeConsents, checkGate } from '../consents/consent-gate.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, DomainError, invalid } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { defaultAccessProfile, isAccessProfile } from './access-profiles.ts';
import { presentReferral, selectReferrals } from './referral-query.ts';

export type CreateReferralInput = {
  caseId: string;
  type: string;
  organisationId: string;
  accessProfile?: string;
  note?: string;
  overrideConsent?: { reason: string };
};

/**
 * Refers a case to an organisation. The consent gate must be open (see consent-gate.ts); overriding
 * it needs its own permission and a reason and is audited separately. The referral's access profile
 * decides what the receiving organisation will see.
 */
export async function createReferral(ctx: Ctx, input: CreateReferralInput) {
  assertCan(ctx.actor, 'create', 'referral');
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    if (row.status !== 'open') throw conflict('The case is closed; reopen it before referring.');
    const profile = getProfile(row.profile_id, row.profile_version);
    const check = new CodeCheck(profile);
    check.referralType('body.type', input.type);
    const accessProfile = input.accessProfile ?? defaultAccessProfile(input.type);
    if (!isAccessProfile(accessProfile)) check.add('body.accessProfile', `"${accessProfile}" is not an access profile.`);
    const org = await tx.db.selectFrom('organisations').select(['id', 'type', 'active', 'name']).where('id', '=', input.organisationId).executeTakeFirst();
    const type = profile.referralTypes.find((t) => t.code === input.type);
    if (!org) check.add('body.organisationId', 'No such organisation.');
    else if (!org.active) check.add('body.organisationId', 'The organisation is deactivated.');
    else if (type && !(type.receivingOrganisationTypes as readonly string[]).includes(org.type)) {
      check.add('body.organisationId', `A ${input.type} referral goes to: ${type.receivingOrganisationTypes.join(', ')}; this organisation is a ${org.type}.`);
    }
    if (input.overrideConsent && input.overrideConsent.reason.trim().length < 10) check.add('body.overrideConsent.reason', 'Explain the override (at least 10 characters).');
    check.throwProblems();

    const duplicate = await tx.db
      .selectFrom('referrals')
      .select('id')
      .where('case_id', '=', row.id)
      .where('type', '=', input.type)
      .where('organisation_id', '=', input.organisationId)
      .where('status', 'in', ACTIVE_REFERRAL_STATUSES)
      .executeTakeFirst();
    if (duplicate) throw conflict('This organisation already has an open referral of this type for the case.');

    const gate = checkGate(profile, input.type, input.organisationId, await activeConsents(tx, row.id));
    let overrideReason: string | null = null;
    if (!gate.open) {
      if (!input.overrideConsent) {
        throw new DomainError('CONSENT_REQUIRED', `No valid consent or legal basis for: ${gate.missing.join(', ')}.`, [
          { field: 'body.type', problem: `Record a consent or legal basis for ${gate.missing.join(', ')} that covers this organisation first.` },
        ]);
      }
      if (!can(tx.actor, 'override-consent', 'referral')) throw new DomainError('FORBIDDEN', 'Your role may not override the consent gate.');
      overrideReason = input.overrideConsent.reason.trim();
    } else if (input.overrideConsent) {
      throw invalid('body.overrideConsent', 'The consent gate is open; no override is needed.');
    }

    const now = tx.clock.now();
    const { id } = await tx.db
      .insertInto('referrals')
      .values({
        case_id: row.id,
        type: input.type,
        organisation_id: input.organisationId,
        access_profile: accessProfile,
        consent_id: gate.open ? gate.consentId : null,
        consent_override_reason: overrideReason,
        note: input.note?.trim() || null,
        requested_at: now,
        requested_by_user_id: tx.actor.userId,
        responded_at: null,
        responded_by_user_id: null,
        response_note: null,
        completed_at: null,
        ended_reason: null,
        ended_at: null,
        ended_by_user_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (overrideReason) {
      await recordAudit(tx, {
        action: 'referral.consent-override',
        resourceType: 'referral',
        resourceId: id,
        purpose: 'referral',
        details: { caseId: row.id, missing: gate.open ? [] : gate.missing, reason: overrideReason },
      });
    }
    await recordAudit(tx, {
      action: 'referral.create',
      resourceType: 'referral',
      resourceId: id,
      purpose: 'referral',
      details: { caseId: row.id, type: input.type, organisationId: input.organisationId, accessProfile },
    });
    await recordCaseEvent(tx, { caseId: row.id, subject: { type: 'referral', id, referralType: input.type }, event: 'referral-requested', details: { organisationId: input.organisationId } });
    return presentReferral(await selectReferrals(tx.db).where('referrals.id', '=', id).executeTakeFirstOrThrow());
  });
}
