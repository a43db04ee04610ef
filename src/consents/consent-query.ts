import type { Ctx } from '../context.ts';

/** Consents with the names a reader needs (organisation in scope, who recorded and withdrew). */
export function selectConsents(db: Ctx['db']) {
  return db
    .selectFrom('consents')
    .leftJoin('organisations', 'organisations.id', 'consents.organisation_id')
    .leftJoin('users as recorder', 'recorder.id', 'consents.recorded_by_user_id')
    .leftJoin('users as withdrawer', 'withdrawer.id', 'consents.withdrawn_by_user_id')
    .select([
      'consents.id', 'consents.case_id', 'consents.purpose', 'consents.legal_basis', 'consents.organisation_id', 'consents.given_on',
      'consents.note', 'consents.recorded_at', 'consents.withdrawn_at', 'consents.withdrawal_reason',
      'organisations.name as organisation_name', 'recorder.display_name as recorded_by_name', 'withdrawer.display_name as withdrawn_by_name',
    ]);
}

export type ConsentRow = Awaited<ReturnType<ReturnType<typeof selectConsents>['executeTakeFirstOrThrow']>>;

export function presentConsent(row: ConsentRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    givenOn: row.given_on,
    note: row.note,
    recordedAt: row.recorded_at.toISOString(),
    recordedByName: row.recorded_by_name,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnByName: row.withdrawn_by_name,
    withdrawalReason: row.withdrawal_reason,
    active: row.withdrawn_at === null,
  };
}
export type PresentedConsent = ReturnType<typeof presentConsent>;
