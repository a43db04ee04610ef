import type { Profile } from '../profiles/profile-schema.ts';

export type BasisContext = {
  /** The type of the organisation the data came from (the signal's source). */
  sourceOrganisationType: string | null;
  /** The type of the organisation recording the basis. */
  recorderOrganisationType: string | null;
  presumedMinor: boolean;
};

/**
 * Whether the profile allows `basis` for `purpose` here. A basis limited to organisation types
 * applies when the source of the data or the recording organisation is of such a type (for example:
 * in the Dutch profile only police, KMar and NLA may pass data for registration on a statutory task);
 * a basis marked `minorsOnly` applies to presumed minors only. Returns a problem text or null.
 */
export function basisProblem(profile: Profile, purpose: string, basis: string, ctx: BasisContext): string | null {
  const definition = profile.consentPurposes.find((p) => p.code === purpose);
  if (!definition) return `"${purpose}" is not a consent purpose in profile ${profile.id}.`;
  const options = definition.bases.filter((b) => b.basis === basis);
  if (options.length === 0) {
    return `Legal basis "${basis}" is not allowed for "${purpose}"; allowed: ${[...new Set(definition.bases.map((b) => b.basis))].join(', ')}.`;
  }
  const fits = options.some(
    (b) =>
      (!b.minorsOnly || ctx.presumedMinor) &&
      (!b.organisationTypes ||
        b.organisationTypes.some((t) => t === ctx.sourceOrganisationType || t === ctx.recorderOrganisationType)),
  );
  if (fits) return null;
  const option = options[0]!;
  if (option.minorsOnly && !ctx.presumedMinor) return `Legal basis "${basis}" applies to (presumed) minors only.`;
  return `Legal basis "${basis}" for "${purpose}" is only available to: ${(option.organisationTypes ?? []).join(', ')}.`;
}
