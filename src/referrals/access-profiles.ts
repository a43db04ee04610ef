import type { FieldGroup } from '../cases/field-groups.ts';

/**
 * Access profiles: what a receiving organisation may see of a case through a referral
 * (need-to-know). A referral names one; the receiver sees only these field groups, and only while
 * the referral is requested or accepted. Investigation details are in none of them.
 */
export const ACCESS_PROFILES = {
  shelter: { fieldGroups: ['identity', 'person', 'exploitation'], label: { nl: 'Opvang: identiteit, persoon en uitbuiting', en: 'Shelter: identity, person and exploitation' } },
  care: {
    fieldGroups: ['identity', 'person', 'exploitation', 'source', 'consents', 'referrals'],
    label: { nl: 'Zorgcoördinatie: ook bron, toestemmingen en verwijzingen', en: 'Care coordination: also source, consents and referrals' },
  },
  legal: { fieldGroups: ['identity', 'person', 'exploitation', 'source'], label: { nl: 'Rechtshulp: identiteit, persoon, uitbuiting en bron', en: 'Legal aid: identity, person, exploitation and source' } },
  health: { fieldGroups: ['identity', 'person'], label: { nl: 'Zorg: identiteit en persoon', en: 'Health care: identity and person' } },
  minimal: { fieldGroups: ['person'], label: { nl: 'Minimaal: alleen persoonskenmerken, geen naam', en: 'Minimal: person characteristics only, no name' } },
} as const satisfies Record<string, { fieldGroups: readonly FieldGroup[]; label: { nl: string; en: string } }>;

export type AccessProfileCode = keyof typeof ACCESS_PROFILES;

/**
 * What the deciding body's organisation sees while an identification procedure of the case is open:
 * who the person is, what happened and who reported it; never consents, referrals or investigation
 * details (support and identification must not depend on the criminal case). Kept apart from
 * ACCESS_PROFILES because it is not a referral's choice: it comes with the procedure only.
 */
export const IDENTIFICATION_ACCESS = {
  fieldGroups: ['identity', 'person', 'exploitation', 'source'],
  label: { nl: 'Identificatie: identiteit, persoon, uitbuiting en bron', en: 'Identification: identity, person, exploitation and source' },
} as const satisfies { fieldGroups: readonly FieldGroup[]; label: { nl: string; en: string } };
export const ACCESS_PROFILE_CODES = Object.keys(ACCESS_PROFILES) as AccessProfileCode[];

const DEFAULT_BY_REFERRAL_TYPE: Record<string, AccessProfileCode> = {
  shelter: 'shelter',
  'care-coordination': 'care',
  'legal-aid': 'legal',
  medical: 'health',
  psychological: 'health',
  guardian: 'care',
  compensation: 'legal',
  return: 'minimal',
};

/** The access profile a referral type gets unless the referrer picks another; unknown types get the least. */
export const defaultAccessProfile = (referralType: string): AccessProfileCode => DEFAULT_BY_REFERRAL_TYPE[referralType] ?? 'minimal';

export const isAccessProfile = (code: string): code is AccessProfileCode => code in ACCESS_PROFILES;
