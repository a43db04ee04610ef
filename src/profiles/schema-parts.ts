import { z } from 'zod';

/** Building blocks shared by the profile schema and the calendar schema. */
export const code = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case code such as "forced-labour"');
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as "nl"');

/** A text shown in the UI, per language: `{ "nl": "...", "en": "..." }`. Must cover the profile's languages. */
export const labelSchema = z.record(languageCode, z.string().trim().min(1));

/** Where a value comes from, and whether it is an unverified placeholder that must be checked. */
export const provenance = {
  source: z.string().min(1).optional(),
  assumption: z.string().min(1).optional(),
};

export const coded = { code, label: labelSchema };
