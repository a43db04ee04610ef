import { z } from 'zod';
import { EXPLOITATION_LOCATIONS, SAFE_CONTACT_CHANNELS, SEXES } from '../cases/person.ts';
import { LEGAL_BASES } from '../profiles/profile-schema.ts';

/** Request and response pieces of the referral-mechanism API (see docs/referral-mechanism.md). */
export const code = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a code such as "forced-labour"').max(80);
export const day = z.iso.date('must be a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
export const reason = text(2000).min(1, 'is required');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "NG", or "XX" for unknown');
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as "en"');

export const personInput = z.strictObject({
  name: text(200).optional(),
  aliases: z.array(text(200)).max(20).optional(),
  dateOfBirth: day.optional(),
  estimatedAge: z.number().int().min(0).max(120).optional(),
  presumedMinor: z.boolean().optional(),
  sex: z.enum(SEXES).optional(),
  citizenships: z.array(country).max(10).optional(),
  languages: z.array(language).max(20).optional(),
  interpreterNeeded: z.boolean().optional(),
  safeContactChannel: z.enum(SAFE_CONTACT_CHANNELS).optional(),
  contactDetails: text(500).optional(),
  safetyNotes: text(2000).optional(),
});

export const consentInput = z.strictObject({
  purpose: code,
  legalBasis: z.enum(LEGAL_BASES),
  organisationId: z.uuid('must be a UUID').optional(),
  givenOn: day,
  note: text(1000).optional(),
});

export const registrationInput = z.strictObject({
  person: personInput,
  forms: z.array(code).max(20),
  sector: code.optional(),
  exploitationLocation: z.enum(EXPLOITATION_LOCATIONS).optional(),
  place: text(200).optional(),
  periodFrom: day.optional(),
  periodTo: day.optional(),
  description: text(10_000).optional(),
  investigation: z
    .strictObject({
      policeReportFiled: z.boolean().optional(),
      cooperating: z.boolean().optional(),
      suspectsCount: z.number().int().min(0).max(10_000).optional(),
      notes: text(5000).optional(),
    })
    .optional(),
  region: code.optional(),
  dossierType: code,
  consents: z.array(consentInput).max(20),
});

export const ownSignal = z.object({ id: z.string(), number: z.string(), channel: z.string(), receivedAt: z.string(), status: z.string() });

export const queueItem = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  acuteDanger: z.boolean(),
  minorInvolved: z.boolean(),
  presumedMinor: z.boolean().nullable(),
  estimatedAge: z.number().nullable(),
  forms: z.array(z.string()),
  region: z.string().nullable(),
  sourceOrganisationName: z.string().nullable(),
  duplicateCount: z.number(),
});

const identity = z.object({
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  safeContactChannel: z.string().nullable(),
  contactDetails: z.string().nullable(),
  safetyNotes: z.string().nullable(),
});

export const signalDetail = queueItem.omit({ duplicateCount: true }).extend({
  /** Handed over by online outreach: the contact it came from (only users with outreach grants may open it). */
  outreachContactId: z.string().nullable(),
  sourceOrganisationType: z.string().nullable(),
  submittedByName: z.string().nullable(),
  language: z.string().nullable(),
  profile: z.object({ id: z.string(), version: z.string() }),
  person: identity
    .extend({
      estimatedAge: z.number().nullable(),
      presumedMinor: z.boolean().nullable(),
      sex: z.string().nullable(),
      citizenships: z.array(z.string()),
      languages: z.array(z.string()),
      interpreterNeeded: z.boolean().nullable(),
    })
    .nullable(),
  indicators: z.array(z.string()),
  description: z.string().nullable(),
  place: z.string().nullable(),
  sector: z.string().nullable(),
  legalBasis: z.string().nullable(),
  additions: z.array(z.object({ receivedAt: z.string(), text: z.string() })),
  possibleDuplicates: z.array(z.object({ kind: z.enum(['case', 'signal']), id: z.string(), number: z.string(), reasons: z.array(z.string()) })),
  decision: z
    .object({
      decision: z.string(),
      reason: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decidedByName: z.string().nullable(),
      caseId: z.string().nullable(),
      caseNumber: z.string().nullable(),
    })
    .nullable(),
});

export const consent = z.object({
  id: z.string(),
  caseId: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  givenOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  active: z.boolean(),
});

export const referral = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  type: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  status: z.string(),
  accessProfile: z.string(),
  consentId: z.string().nullable(),
  consentOverridden: z.boolean(),
  overrideReason: z.string().nullable(),
  note: z.string().nullable(),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  responseNote: z.string().nullable(),
  declineReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

export const caseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.string(),
  dossierType: z.string(),
  registeredAt: z.string(),
  presumedMinor: z.boolean(),
  estimatedAge: z.number().nullable(),
  sex: z.string().nullable(),
  forms: z.array(z.string()),
  region: z.string().nullable(),
  sourceOrganisationName: z.string().nullable(),
  name: z.string().nullable(),
});

export const caseDetail = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.string(),
  profile: z.object({ id: z.string(), version: z.string() }),
  dossierType: z.string(),
  dossierHistory: z.array(z.object({ dossierType: z.string(), changedAt: z.string(), changedByName: z.string().nullable(), reason: z.string() })),
  registeredAt: z.string(),
  closedAt: z.string().nullable(),
  closureReason: z.string().nullable(),
  visibleFields: z.array(z.string()),
  identity: identity.optional(),
  person: z
    .object({
      estimatedAge: z.number().nullable(),
      presumedMinor: z.boolean(),
      sex: z.string().nullable(),
      citizenships: z.array(z.string()),
      languages: z.array(z.string()),
      interpreterNeeded: z.boolean().nullable(),
    })
    .optional(),
  exploitation: z
    .object({
      forms: z.array(z.string()),
      sector: z.string().nullable(),
      location: z.string().nullable(),
      place: z.string().nullable(),
      periodFrom: z.string().nullable(),
      periodTo: z.string().nullable(),
      description: z.string().nullable(),
    })
    .optional(),
  investigation: z
    .object({ policeReportFiled: z.boolean().nullable(), cooperating: z.boolean().nullable(), suspectsCount: z.number().nullable(), notes: z.string().nullable() })
    .nullable()
    .optional(),
  source: z
    .object({
      organisationName: z.string().nullable(),
      organisationType: z.string().nullable(),
      channel: z.string(),
      region: z.string().nullable(),
      firstSignalAt: z.string(),
      legalBasis: z.string().nullable(),
    })
    .optional(),
  consents: z.array(consent).optional(),
  referrals: z.array(referral).optional(),
  myReferral: referral.optional(),
});

/** A task (escalation of a clock, or made by hand), as listed and completed. */
export const task = z.object({
  id: z.string(),
  titleCode: z.string(),
  status: z.enum(['open', 'done']),
  assignedRole: z.string().nullable(),
  assignedOrganisationId: z.string().nullable(),
  assignedOrganisationName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  signalId: z.string().nullable(),
  signalNumber: z.string().nullable(),
  clockId: z.string().nullable(),
  clockCode: z.string().nullable(),
  clockLabel: z.record(z.string(), z.string()).nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  closedByEvent: z.string().nullable(),
});

/** A task with who it is assigned to (a role in an organisation, or a person) and its note. */
export const assignedTask = task.extend({
  assignedUserId: z.string().nullable(),
  assignedUserName: z.string().nullable(),
  assignedToMe: z.boolean(),
  createdByName: z.string().nullable(),
  note: z.string().nullable(),
});
