// The signal form's state as the person types it, and how it becomes the API request.
import type { LegalBasis, NrmProfile, ProfileLabel, ProfileOption, SignalInput } from '../../../api/intake.ts';
import { problemsByField } from '../problems.ts';

export type SignalDraft = {
  name: string;
  aliases: string;
  dateOfBirth: string;
  estimatedAge: string;
  presumedMinor: boolean;
  sex: string;
  citizenships: string;
  citizenshipUnknown: boolean;
  languages: string;
  interpreterNeeded: boolean;
  safeContactChannel: string;
  contactDetails: string;
  safetyNotes: string;
  indicators: string[];
  forms: string[];
  sector: string;
  region: string;
  place: string;
  description: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  legalBasis: LegalBasis | '';
  consentConfirmed: boolean;
};

export const EMPTY_DRAFT: SignalDraft = {
  name: '',
  aliases: '',
  dateOfBirth: '',
  estimatedAge: '',
  presumedMinor: false,
  sex: '',
  citizenships: '',
  citizenshipUnknown: false,
  languages: '',
  interpreterNeeded: false,
  safeContactChannel: '',
  contactDetails: '',
  safetyNotes: '',
  indicators: [],
  forms: [],
  sector: '',
  region: '',
  place: '',
  description: '',
  acuteDanger: false,
  minorInvolved: false,
  legalBasis: '',
  consentConfirmed: false,
};

/** What each section receives: the draft, a way to change it, the profile and errors per field. */
export type SectionProps = {
  draft: SignalDraft;
  change: (patch: Partial<SignalDraft>) => void;
  errors: Record<string, string>;
  profile: NrmProfile;
};

/** The label of a profile item in the interface language (falling back to Dutch, then English). */
export function profileLabel(label: ProfileLabel | undefined, language: string): string {
  if (!label) return '';
  return label[language] ?? label.nl ?? label.en ?? '';
}

/** A code list item of the profile: a bare code (translated under `intake.<list>.<code>`) or a labelled item. */
export function codeOptions(items: (string | ProfileOption)[] | undefined, translate: (code: string) => string, language: string): { code: string; label: string }[] {
  return (items ?? []).map((item) => (typeof item === 'string' ? { code: item, label: translate(item) } : { code: item.code, label: profileLabel(item.label, language) }));
}

/** The ISO 3166 user-assigned code the API uses for "citizenship unknown". */
export const UNKNOWN_CITIZENSHIP = 'XX';

/** "a, b; c" or one per line -> ['a', 'b', 'c']. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The checks of the person fields and the description before sending, shared by every form that
 * reports a signal (the professional form, the outreach handover): field -> message.
 */
export function draftProblems(draft: SignalDraft, t: (key: string, options?: Record<string, unknown>) => string): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!draft.description.trim()) missing.description = t('form.requiredField', { field: t('intake.exploitation.descriptionName') });
  const age = draft.estimatedAge.trim();
  if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120)) missing['person.estimatedAge'] = t('intake.person.estimatedAgeInvalid');
  if (!draft.citizenshipUnknown && splitList(draft.citizenships).some((code) => !/^[a-z]{2}$/i.test(code))) missing['person.citizenships'] = t('intake.person.citizenshipsInvalid');
  if (splitList(draft.languages).some((code) => !/^[a-z]{2,3}$/i.test(code))) missing['person.languages'] = t('intake.person.languagesInvalid');
  return missing;
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

export function toSignalInput(draft: SignalDraft, clientRequestId: string): SignalInput {
  const aliases = splitList(draft.aliases);
  const citizenships = draft.citizenshipUnknown ? [UNKNOWN_CITIZENSHIP] : splitList(draft.citizenships).map((code) => code.toUpperCase());
  const languages = splitList(draft.languages).map((code) => code.toLowerCase());
  const age = draft.estimatedAge.trim() === '' ? undefined : Number(draft.estimatedAge);
  const person: SignalInput['person'] = {};
  const name = text(draft.name);
  if (name) person.name = name;
  if (aliases.length > 0) person.aliases = aliases;
  if (draft.dateOfBirth) person.dateOfBirth = draft.dateOfBirth;
  if (age !== undefined && !Number.isNaN(age)) person.estimatedAge = age;
  if (draft.presumedMinor) person.presumedMinor = true;
  if (draft.sex) person.sex = draft.sex;
  if (citizenships.length > 0) person.citizenships = citizenships;
  if (languages.length > 0) person.languages = languages;
  if (draft.interpreterNeeded) person.interpreterNeeded = true;
  if (draft.safeContactChannel) person.safeContactChannel = draft.safeContactChannel;
  const contactDetails = text(draft.contactDetails);
  if (contactDetails) person.contactDetails = contactDetails;
  const safetyNotes = text(draft.safetyNotes);
  if (safetyNotes) person.safetyNotes = safetyNotes;

  const input: SignalInput = {
    clientRequestId,
    person,
    indicators: draft.indicators,
    forms: draft.forms,
    acuteDanger: draft.acuteDanger,
    minorInvolved: draft.minorInvolved,
    description: draft.description.trim(),
    legalBasis: draft.legalBasis || 'consent',
  };
  if (draft.sector) input.sector = draft.sector;
  if (draft.region) input.region = draft.region;
  const place = text(draft.place);
  if (place) input.place = place;
  if (draft.legalBasis === 'consent') input.consentConfirmed = draft.consentConfirmed;
  return input;
}

/** The form's fields as the server names them (problems on nested paths go to their field). */
export const SIGNAL_FIELDS = [
  'person.name',
  'person.aliases',
  'person.dateOfBirth',
  'person.estimatedAge',
  'person.presumedMinor',
  'person.sex',
  'person.citizenships',
  'person.languages',
  'person.interpreterNeeded',
  'person.safeContactChannel',
  'person.contactDetails',
  'person.safetyNotes',
  'indicators',
  'forms',
  'sector',
  'region',
  'place',
  'acuteDanger',
  'minorInvolved',
  'description',
  'legalBasis',
  'consentConfirmed',
] as const;

/** Server problems per form field (see problemsByField). */
export function signalFieldErrors(error: unknown): { fieldErrors: Record<string, string>; unmatched: boolean } {
  return problemsByField(error, SIGNAL_FIELDS);
}
