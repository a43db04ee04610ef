import { columnAad } from '../crypto/encrypted-columns.ts';
import { decryptField, encryptField } from '../crypto/envelope.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { dateOfBirthToken, namePairTokens, nameTokens } from '../crypto/blind-index.ts';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const SAFE_CONTACT_CHANNELS = ['none', 'phone-call', 'sms', 'email', 'messaging-app', 'via-organisation', 'in-person'] as const;
export const EXPLOITATION_LOCATIONS = ['in-country', 'abroad', 'both', 'unknown'] as const;
/** ISO 3166 user-assigned code for "citizenship unknown" (as used for stateless/unknown in travel documents). */
export const UNKNOWN_CITIZENSHIP = 'XX';

export type Sex = (typeof SEXES)[number];
export type SafeContactChannel = (typeof SAFE_CONTACT_CHANNELS)[number];

/** What may be known about a person at signal or registration time; everything is optional. */
export type PersonInput = {
  name?: string;
  aliases?: string[];
  dateOfBirth?: string;
  estimatedAge?: number;
  presumedMinor?: boolean;
  sex?: Sex;
  citizenships?: string[];
  languages?: string[];
  interpreterNeeded?: boolean;
  safeContactChannel?: SafeContactChannel;
  contactDetails?: string;
  safetyNotes?: string;
};

/** The identity part of a person: stored only encrypted (`person_enc`). */
export type Identity = {
  name: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  safeContactChannel: SafeContactChannel | null;
  contactDetails: string | null;
  safetyNotes: string | null;
};

export function identityOf(person: PersonInput): Identity {
  return {
    name: person.name?.trim() || null,
    aliases: (person.aliases ?? []).map((a) => a.trim()).filter(Boolean),
    dateOfBirth: person.dateOfBirth ?? null,
    safeContactChannel: person.safeContactChannel ?? null,
    contactDetails: person.contactDetails?.trim() || null,
    safetyNotes: person.safetyNotes?.trim() || null,
  };
}

export function ageOn(dateOfBirth: string, today: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  return age;
}

/**
 * The presumption of minority (Directive 2011/36/EU Art. 13(2)): when age is uncertain and there are
 * reasons to believe the person is a child, treat them as one. Any sign of minority sets the flag;
 * only a registrar's explicit correction (a later change) can clear it.
 */
export function presumedMinor(person: PersonInput, today: Date): boolean {
  if (person.presumedMinor) return true;
  if (person.estimatedAge !== undefined && person.estimatedAge < 18) return true;
  if (person.dateOfBirth && ageOn(person.dateOfBirth, today) < 18) return true;
  return false;
}

export function sealJson(keyring: Keyring, table: string, column: string, id: string, value: unknown): string {
  return encryptField(keyring, JSON.stringify(value), columnAad(table, column, id));
}

export function openJson<T>(keyring: Keyring, table: string, column: string, id: string, sealed: string | null): T | null {
  return sealed === null ? null : (JSON.parse(decryptField(keyring, sealed, columnAad(table, column, id))) as T);
}

export function sealText(keyring: Keyring, table: string, column: string, id: string, value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? encryptField(keyring, text, columnAad(table, column, id)) : null;
}

export function openText(keyring: Keyring, table: string, column: string, id: string, sealed: string | null): string | null {
  return sealed === null ? null : decryptField(keyring, sealed, columnAad(table, column, id));
}

/** The stored columns for a person on a signal or case row with this id. */
export function personColumns(keyring: Keyring, table: 'signals' | 'cases', id: string, person: PersonInput, today: Date) {
  const identity = identityOf(person);
  // A case keeps only identity encrypted (the rest are columns); a signal is a raw report, so all of
  // what the reporter knew about the person is kept encrypted until triage.
  const sealed = table === 'signals' ? { ...person, ...identity } : identity;
  return {
    person_enc: sealJson(keyring, table, 'person_enc', id, sealed),
    name_tokens: nameTokens(keyring, [identity.name, ...identity.aliases]),
    name_pairs: namePairTokens(keyring, [identity.name, ...identity.aliases]),
    dob_token: dateOfBirthToken(keyring, identity.dateOfBirth),
    estimated_age: person.estimatedAge ?? (person.dateOfBirth ? ageOn(person.dateOfBirth, today) : null),
    presumed_minor: presumedMinor(person, today),
  };
}
