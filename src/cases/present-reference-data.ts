import type { Ctx } from '../context.ts';
import { ACCESS_PROFILES, ACCESS_PROFILE_CODES, defaultAccessProfile } from '../referrals/access-profiles.ts';
import { EXPLOITATION_LOCATIONS, SAFE_CONTACT_CHANNELS, SEXES } from './person.ts';
import { currentProfile } from './profile-codes.ts';

/** The code lists the forms need, from the current jurisdiction profile, with labels per language. */
export function presentReferenceData(ctx: Pick<Ctx, 'config'>) {
  const p = currentProfile(ctx);
  const coded = (items: readonly { code: string; label: Record<string, string> }[]) => items.map((i) => ({ code: i.code, label: i.label }));
  return {
    id: p.id,
    version: String(p.version),
    languages: p.languages,
    regions: coded(p.regions),
    formsOfExploitation: coded(p.formsOfExploitation),
    sectors: coded(p.sectors),
    indicatorCategories: p.indicatorCategories.map((c) => ({ code: c.code, label: c.label, items: coded(c.items) })),
    dossierTypes: p.dossierTypes.map((d) => ({ code: d.code, label: d.label, requiredConsents: d.requiredConsents })),
    consentPurposes: p.consentPurposes.map((c) => ({
      code: c.code,
      label: c.label,
      bases: c.bases.map((b) => ({ basis: b.basis, organisationTypes: b.organisationTypes ?? null, minorsOnly: b.minorsOnly ?? false })),
    })),
    referralTypes: p.referralTypes.map((r) => ({
      code: r.code,
      label: r.label,
      receivingOrganisationTypes: [...r.receivingOrganisationTypes],
      requiredConsents: r.requiredConsents,
      defaultAccessProfile: defaultAccessProfile(r.code),
    })),
    accessProfiles: ACCESS_PROFILE_CODES.map((code) => ({ code, label: ACCESS_PROFILES[code].label, fieldGroups: [...ACCESS_PROFILES[code].fieldGroups] })),
    sexes: [...SEXES],
    safeContactChannels: [...SAFE_CONTACT_CHANNELS],
    exploitationLocations: [...EXPLOITATION_LOCATIONS],
  };
}
