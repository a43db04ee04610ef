import type { Ctx } from '../context.ts';

/** Referrals with the case number and the names a reader needs. */
export function selectReferrals(db: Ctx['db']) {
  return db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .innerJoin('organisations', 'organisations.id', 'referrals.organisation_id')
    .leftJoin('users as requester', 'requester.id', 'referrals.requested_by_user_id')
    .select([
      'referrals.id', 'referrals.case_id', 'cases.case_number', 'referrals.type', 'referrals.organisation_id', 'organisations.name as organisation_name',
      'referrals.status', 'referrals.access_profile', 'referrals.consent_id', 'referrals.consent_override_reason', 'referrals.note',
      'referrals.requested_at', 'requester.display_name as requested_by_name', 'referrals.responded_at', 'referrals.response_note',
      'referrals.completed_at', 'referrals.ended_at', 'referrals.ended_reason',
    ]);
}

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['executeTakeFirstOrThrow']>>;

export function presentReferral(row: ReferralRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    type: row.type,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    accessProfile: row.access_profile,
    consentId: row.consent_id,
    consentOverridden: row.consent_override_reason !== null,
    overrideReason: row.consent_override_reason,
    note: row.note,
    requestedAt: row.requested_at.toISOString(),
    requestedByName: row.requested_by_name,
    respondedAt: row.responded_at?.toISOString() ?? null,
    responseNote: row.response_note,
    declineReason: row.status === 'declined' ? row.ended_reason : null,
    completedAt: row.completed_at?.toISOString() ?? null,
    revokedAt: row.status === 'revoked' ? (row.ended_at?.toISOString() ?? null) : null,
    revokeReason: row.status === 'revoked' ? row.ended_reason : null,
  };
}
export type PresentedReferral = ReturnType<typeof presentReferral>;
