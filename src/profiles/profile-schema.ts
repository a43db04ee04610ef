import { z } from 'zod';
import { ORGANISATION_TYPES } from '../identity/organisation-types.ts';
import { calendarSchema } from './calendar-schema.ts';
import { code, coded, labelSchema, languageCode, provenance } from './schema-parts.ts';
import { isValidTimeZone } from './time-zone.ts';

export { code, labelSchema } from './schema-parts.ts';

/**
 * The jurisdiction profile: everything that differs between countries (stages, clocks, code lists,
 * consents, retention, holidays) is data in a versioned profile, never code. This file is the
 * shape; `cross-check.ts` checks references between parts; `load-profile.ts` does both and lists
 * every problem. docs/jurisdiction-profiles.md explains each part.
 */
const orgType = z.enum(ORGANISATION_TYPES);

export const DURATION_UNITS = ['hours', 'calendar-days', 'working-days', 'months', 'years'] as const;
export const durationSchema = z.strictObject({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(DURATION_UNITS),
  /** When the due day is not a working day, move it to the next working day (not for hours). */
  endsOnWorkingDay: z.boolean().optional(),
});

/** The 2024 Directive's forms of exploitation (Art. 2(3) of 2011/36/EU as amended); `other` for the rest. */
export const DIRECTIVE_FORMS = [
  'sexual-exploitation',
  'forced-labour-or-services',
  'slavery-or-similar-practices',
  'servitude',
  'criminal-activities',
  'organ-removal',
  'surrogacy',
  'forced-marriage',
  'illegal-adoption',
  'other',
] as const;

/** Events the application itself records in every jurisdiction; each profile must define them. */
export const CORE_EVENTS = [
  'signal-received',
  'registered',
  'dossier-type-changed',
  'consent-recorded',
  'consent-withdrawn',
  'referral-requested',
  'referral-accepted',
  'referral-declined',
  'referral-completed',
  'referral-revoked',
  'case-closed',
  'case-reopened',
] as const;

export const LEGAL_BASES = ['consent', 'statutory-task', 'vital-interest', 'best-interests-of-child'] as const;
export const CLOCK_KINDS = ['deadline', 'period', 'minimum-period'] as const;
export const HTCDS_TRAFFICKING_STATUS = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;

export const clockSchema = z.strictObject({
  ...coded,
  /** deadline: something must happen before due (overdue escalates); period: an entitlement that ends at due;
   *  minimum-period: the next step may not happen before due. */
  kind: z.enum(CLOCK_KINDS),
  startOn: code,
  duration: durationSchema,
  warnings: z.array(durationSchema).default([]),
  /** Role code that gets a task when the clock is overdue. */
  escalateTo: code.optional(),
  pauseOn: z.array(code).default([]),
  resumeOn: z.array(code).default([]),
  stopOn: z.array(code).default([]),
  /** Events that end the running instance and start a new one (a periodic review). */
  restartOn: z.array(code).default([]),
  /** Limits which subjects start the clock: `referralTypes` for a clock started by a referral event
   *  (the shelter's response clock runs for shelter referrals only). Absent: every subject. */
  appliesTo: z.strictObject({ referralTypes: z.array(code).min(1) }).optional(),
  ...provenance,
});

const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "2026.1.0"');

export const profileSchema = z.strictObject({
  id: code,
  version: z.union([z.number().int().positive(), semver]),
  name: labelSchema,
  description: labelSchema.optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "NL"'),
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as "Europe/Amsterdam"'),
  /** Languages every label is given in; the first is the default. */
  languages: z.array(languageCode).min(1),
  organisationTypes: z.array(z.strictObject({ code: orgType, label: labelSchema })).min(1),
  regions: z.array(z.strictObject({ ...coded, kind: z.enum(['police-unit', 'national-unit', 'agency', 'nation', 'area']).optional() })).min(1),
  formsOfExploitation: z
    .array(z.strictObject({ ...coded, directive: z.enum(DIRECTIVE_FORMS), htcds: z.string().min(1).optional() }))
    .min(1),
  sectors: z.array(z.strictObject({ ...coded, forms: z.array(code).default([]) })),
  indicatorCategories: z
    .array(z.strictObject({ ...coded, items: z.array(z.strictObject({ ...coded, forms: z.array(code).default([]) })).min(1) }))
    .min(1),
  dossierTypes: z.array(z.strictObject({ ...coded, requiredConsents: z.array(code).default([]) })).min(1),
  events: z.array(z.strictObject(coded)).min(1),
  consentPurposes: z
    .array(
      z.strictObject({
        ...coded,
        /** The legal bases allowed for this purpose; `organisationTypes` limits who may rely on a basis. */
        bases: z
          .array(z.strictObject({ basis: z.enum(LEGAL_BASES), organisationTypes: z.array(orgType).optional(), minorsOnly: z.boolean().optional() }))
          .min(1),
        /** Events that may not be recorded unless this purpose has a valid basis. */
        requiredBefore: z.array(code).default([]),
        ...provenance,
      }),
    )
    .min(1),
  referralTypes: z
    .array(
      z.strictObject({
        ...coded,
        receivingOrganisationTypes: z.array(orgType).min(1),
        requiredConsents: z.array(code).default([]),
        responseClock: code.optional(),
      }),
    )
    .min(1),
  decisionBodies: z.array(
    z.strictObject({
      ...coded,
      organisationType: orgType,
      kind: z.enum(['competent-authority', 'committee', 'trusted-partner', 'registrar']),
      /** false: the body advises; its outcome is recorded but is not a formal identification. */
      binding: z.boolean(),
      ...provenance,
    }),
  ),
  identificationStages: z.array(
    z.strictObject({
      ...coded,
      decisionBody: code,
      startsOn: code,
      targetClock: code.optional(),
      /** A minimum-period clock that must have run out before this stage may be decided. */
      notBefore: code.optional(),
      outcomes: z
        .array(
          z.strictObject({
            ...coded,
            event: code,
            htcdsStatus: z.enum(HTCDS_TRAFFICKING_STATUS).optional(),
            /** The stage this outcome opens (must come later in the list). */
            next: code.optional(),
          }),
        )
        .min(1),
      reviews: z
        .array(
          z.strictObject({
            ...coded,
            kind: z.enum(['reconsideration', 'appeal']),
            decisionBody: code,
            requestedEvent: code,
            /** Time to ask for the review, counted from the outcome. */
            requestWindowClock: code.optional(),
            /** Time the reviewing body has to decide. */
            decisionClock: code.optional(),
          }),
        )
        .default([]),
    }),
  ),
  clocks: z.array(clockSchema).min(1),
  recordTypes: z.array(z.strictObject(coded)).min(1),
  retention: z.array(
    z.strictObject({
      recordType: code,
      startsOn: code,
      period: durationSchema,
      action: z.enum(['anonymise', 'delete']),
      ...provenance,
    }),
  ),
  calendar: calendarSchema,
  disclosureControl: z.strictObject({
    /** Counts below this are suppressed. */
    threshold: z.number().int().min(0),
    rounding: z.enum(['none', 'down', 'nearest']),
    base: z.number().int().min(1),
    ...provenance,
  }),
});

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type Label = z.output<typeof labelSchema>;
export type Duration = z.output<typeof durationSchema>;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Clock = z.output<typeof clockSchema>;
export type { HolidayCalendar, HolidayRule } from './calendar-schema.ts';
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type DirectiveForm = (typeof DIRECTIVE_FORMS)[number];
/** What the calendar functions need from a profile. */
export type CalendarProfile = Pick<Profile, 'timezone'> & { calendar: z.output<typeof calendarSchema> };
