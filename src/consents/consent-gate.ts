import type { Selectable } from 'kysely';
import type { Ctx } from '../context.ts';
import type { ConsentsTable } from '../db/schema.ts';
import type { Profile } from '../profiles/profile-schema.ts';

export type GateResult = { open: true; consentId: string | null } | { open: false; missing: string[] };

/** Active consents and legal bases of a case (not withdrawn). */
export async function activeConsents(ctx: Ctx, caseId: string): Promise<Selectable<ConsentsTable>[]> {
  return ctx.db.selectFrom('consents').selectAll().where('case_id', '=', caseId).where('withdrawn_at', 'is', null).execute();
}

/**
 * The consent gate of a referral: every purpose the referral type requires must have an active
 * basis whose scope covers the receiving organisation (a basis without an organisation covers all).
 * Returns the basis relied on for the first purpose (stored on the referral) or what is missing.
 */
export function checkGate(profile: Profile, referralType: string, organisationId: string, consents: readonly Selectable<ConsentsTable>[]): GateResult {
  const type = profile.referralTypes.find((t) => t.code === referralType);
  const required = type?.requiredConsents ?? [];
  const missing: string[] = [];
  let first: string | null = null;
  for (const purpose of required) {
    const covering = consents.find((c) => c.purpose === purpose && (c.organisation_id === null || c.organisation_id === organisationId));
    if (!covering) missing.push(purpose);
    else first ??= covering.id;
  }
  return missing.length ? { open: false, missing } : { open: true, consentId: first };
}
