// Intake: the professional signal form, "my signals" and the public report pages (no account).
// Shapes follow docs/referral-mechanism.md; the web app depends on the contract, not on src/.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

/** Profile labels come in every language of the profile. */
export type ProfileLabel = { nl: string; en: string } & Record<string, string>;
export type ProfileOption = { code: string; label: ProfileLabel };
export type IndicatorCategory = ProfileOption & { items: ProfileOption[] };

export type NrmProfile = {
  id: string;
  version: string;
  languages: string[];
  regions: ProfileOption[];
  formsOfExploitation: ProfileOption[];
  sectors: (ProfileOption & { forms?: string[] })[];
  indicatorCategories: IndicatorCategory[];
  consentPurposes?: { code: string; label: ProfileLabel; bases: { basis: string; organisationTypes: string[] | null; minorsOnly?: boolean }[] }[];
  /** Codes (translated by the web app); labelled items are accepted too. */
  sexes: (string | ProfileOption)[];
  safeContactChannels: (string | ProfileOption)[];
};

export type LegalBasis = 'statutory-task' | 'consent';

export type SignalPersonInput = {
  name?: string;
  aliases?: string[];
  dateOfBirth?: string;
  estimatedAge?: number;
  presumedMinor?: boolean;
  sex?: string;
  citizenships?: string[];
  languages?: string[];
  interpreterNeeded?: boolean;
  safeContactChannel?: string;
  contactDetails?: string;
  safetyNotes?: string;
};

export type SignalInput = {
  clientRequestId: string;
  person: SignalPersonInput;
  indicators: string[];
  forms: string[];
  sector?: string;
  region?: string;
  place?: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  description: string;
  legalBasis: LegalBasis;
  consentConfirmed?: boolean;
};

export type SignalStatus = string;

/** What the server answers to a submitted signal (only the fields the form shows are relied on). */
export type SubmittedSignal = {
  id: string;
  number: string;
  channel?: string;
  receivedAt: string;
  status: SignalStatus;
};

export type MySignal = { id: string; number: string; channel: string; receivedAt: string; status: SignalStatus };

export const nrmProfileQuery = queryOptions({
  queryKey: ['nrm', 'profile'],
  queryFn: () => api<NrmProfile>('GET', '/api/nrm/profile'),
  staleTime: 10 * 60_000,
});

export const mySignalsQuery = queryOptions({
  queryKey: ['signals', 'mine'],
  queryFn: () => api<{ items: MySignal[] }>('GET', '/api/signals/mine'),
});

/** Idempotent by `clientRequestId`: the same id again returns the same signal (200 instead of 201). */
export function submitSignal(input: SignalInput): Promise<SubmittedSignal> {
  return api<SubmittedSignal>('POST', '/api/signals', input);
}

// Public intake (no account) ------------------------------------------------------------------

export type PublicChallenge = { challenge: string; difficulty: number };
export type PublicReportKind = 'self-report' | 'tip';
export type PublicContactChannel = 'none' | 'phone' | 'email';

export type ProofOfWork = { challenge: string; nonce: string };

export type PublicReportInput = ProofOfWork & {
  kind: PublicReportKind;
  language: string;
  message: string;
  acuteDanger?: boolean;
  about?: { name?: string; age?: number; place?: string; work?: string };
  contact?: { channel: PublicContactChannel; value?: string; safeTimes?: string };
  /** The honeypot: people never see it, so it must be sent empty. */
  website: string;
};

export type PublicReportResult = { referenceCode: string; receivedAt: string };

export type FollowUpInput = ProofOfWork & { referenceCode: string; message: string; website: string };
export type FollowUpResult = { receivedAt: string };

export function fetchChallenge(): Promise<PublicChallenge> {
  return api<PublicChallenge>('GET', '/api/public/challenge');
}

export function submitPublicReport(input: PublicReportInput): Promise<PublicReportResult> {
  return api<PublicReportResult>('POST', '/api/public/reports', input);
}

export function submitFollowUp(input: FollowUpInput): Promise<FollowUpResult> {
  return api<FollowUpResult>('POST', '/api/public/reports/follow-up', input);
}
