import { z } from 'zod';
import { SAFE_CONTACT_CHANNELS, SEXES, type Identity } from '../cases/person.ts';

/**
 * The person data a registrar can correct (the right to rectification), with the shape of a new
 * value. Identity fields live encrypted inside `cases.person_enc`; person fields are plain columns.
 * A value is normalised (trimmed, empty text -> null, lists without blanks or repeats) before it is
 * compared with the current one, so "  Maria " is no change from "Maria".
 */
export const IDENTITY_FIELDS = ['name', 'aliases', 'dateOfBirth', 'safeContactChannel', 'contactDetails', 'safetyNotes'] as const;
export const PERSON_FIELDS = ['estimatedAge', 'presumedMinor', 'sex', 'citizenships', 'languages', 'interpreterNeeded'] as const;
export const CORRECTABLE_FIELDS = [...IDENTITY_FIELDS, ...PERSON_FIELDS] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type PersonField = (typeof PERSON_FIELDS)[number];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export type FieldValue = string | number | boolean | string[] | null;

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((v) => v?.trim() || null);
const list = (item: z.ZodType<string>, max: number) =>
  z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .transform((v) => [...new Set(v.map((s) => s.trim()).filter(Boolean))]);
const day = z.iso.date('must be a date as YYYY-MM-DD').nullable();
const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must hold ISO 3166-1 alpha-2 codes such as "NG", or "XX" for unknown');
const language = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'must hold ISO 639 codes such as "en"');

export const VALUE_SCHEMAS: Record<CorrectableField, z.ZodType<FieldValue>> = {
  name: text(200),
  aliases: list(z.string().max(200, 'must hold names of at most 200 characters'), 20),
  dateOfBirth: day,
  safeContactChannel: z.enum(SAFE_CONTACT_CHANNELS).nullable(),
  contactDetails: text(500),
  safetyNotes: text(2000),
  estimatedAge: z.number().int('must be a whole number').min(0).max(120).nullable(),
  presumedMinor: z.boolean(),
  sex: z.enum(SEXES).nullable(),
  citizenships: list(country, 10),
  languages: list(language, 20),
  interpreterNeeded: z.boolean().nullable(),
};

export const isIdentityField = (field: CorrectableField): field is IdentityField => (IDENTITY_FIELDS as readonly string[]).includes(field);

/** The plain case columns behind the person fields. */
export const PERSON_COLUMNS = {
  estimatedAge: 'estimated_age',
  presumedMinor: 'presumed_minor',
  sex: 'sex',
  citizenships: 'citizenships',
  languages: 'languages',
  interpreterNeeded: 'interpreter_needed',
} as const satisfies Record<PersonField, string>;

export type PersonRow = {
  estimated_age: number | null;
  presumed_minor: boolean;
  sex: string | null;
  citizenships: string[];
  languages: string[];
  interpreter_needed: boolean | null;
};

/** The current value of a field, as the correction compares and stores it. */
export function currentValue(field: CorrectableField, identity: Identity, row: PersonRow): FieldValue {
  if (isIdentityField(field)) return identity[field];
  return row[PERSON_COLUMNS[field]];
}

export const sameValue = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** An empty identity, for a case registered without any (or whose identity retention removed). */
export const EMPTY_IDENTITY: Identity = { name: null, aliases: [], dateOfBirth: null, safeContactChannel: null, contactDetails: null, safetyNotes: null };
