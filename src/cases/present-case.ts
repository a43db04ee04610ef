import type { Ctx } from '../context.ts';
import { presentConsent, selectConsents } from '../consents/consent-query.ts';
import { presentReferral, selectReferrals } from '../referrals/referral-query.ts';
import type { CaseAccess } from './case-access.ts';
import { seesFreeText } from './field-access.ts';
import type { Investigation } from './investigation.ts';
import { openJson, openText, type Identity } from './person.ts';

/**
 * A case as this viewer may see it: each field group is present only when visible (see
 * field-access.ts). Decrypts only what is shown.
 */
export async function presentCase(ctx: Ctx, access: CaseAccess) {
  const { row, visible } = access;
  const has = (g: Parameters<typeof visible.has>[0]) => visible.has(g);
  const history = await ctx.db
    .selectFrom('case_dossier_history')
    .leftJoin('users', 'users.id', 'case_dossier_history.changed_by_user_id')
    .select(['case_dossier_history.dossier_type', 'case_dossier_history.changed_at', 'case_dossier_history.reason', 'users.display_name'])
    .where('case_id', '=', row.id)
    .orderBy('case_dossier_history.seq')
    .execute();
  const source = has('source')
    ? await ctx.db.selectFrom('organisations').select(['name', 'type']).where('id', '=', row.source_organisation_id ?? '00000000-0000-0000-0000-000000000000').executeTakeFirst()
    : undefined;
  const consents = has('consents') ? await selectConsents(ctx.db).where('consents.case_id', '=', row.id).orderBy('consents.recorded_at').execute() : [];
  const referrals = has('referrals') ? await selectReferrals(ctx.db).where('referrals.case_id', '=', row.id).orderBy('referrals.requested_at').execute() : [];
  const mine = access.myReferrals[0]
    ? await selectReferrals(ctx.db).where('referrals.id', '=', access.myReferrals[0].id).executeTakeFirst()
    : undefined;

  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    profile: { id: row.profile_id, version: row.profile_version },
    dossierType: row.dossier_type,
    dossierHistory: history.map((h) => ({ dossierType: h.dossier_type, changedAt: h.changed_at.toISOString(), changedByName: h.display_name, reason: h.reason })),
    registeredAt: row.registered_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closureReason: row.closure_reason,
    visibleFields: [...visible],
    identity: has('identity') ? (openJson<Identity>(ctx.keyring, 'cases', 'person_enc', row.id, row.person_enc) ?? undefined) : undefined,
    person: has('person')
      ? {
          estimatedAge: row.estimated_age,
          presumedMinor: row.presumed_minor,
          sex: row.sex,
          citizenships: row.citizenships,
          languages: row.languages,
          interpreterNeeded: row.interpreter_needed,
        }
      : undefined,
    exploitation: has('exploitation')
      ? {
          forms: row.forms,
          sector: row.sector,
          location: row.exploitation_location,
          place: row.place,
          periodFrom: row.period_from,
          periodTo: row.period_to,
          description: seesFreeText(ctx.actor) ? openText(ctx.keyring, 'cases', 'description_enc', row.id, row.description_enc) : null,
        }
      : undefined,
    investigation: has('investigation') ? openJson<Investigation>(ctx.keyring, 'cases', 'investigation_enc', row.id, row.investigation_enc) : undefined,
    source: has('source')
      ? {
          organisationName: source?.name ?? null,
          organisationType: source?.type ?? null,
          channel: row.source_channel,
          region: row.region,
          firstSignalAt: row.first_signal_at.toISOString(),
          legalBasis: row.legal_basis,
        }
      : undefined,
    consents: has('consents') ? consents.map(presentConsent) : undefined,
    referrals: has('referrals') ? referrals.map(presentReferral) : undefined,
    myReferral: mine ? presentReferral(mine) : undefined,
  };
}
export type PresentedCase = Awaited<ReturnType<typeof presentCase>>;
