import type { Generated } from 'kysely';
import type { Day, Timestamp } from './column-types.ts';

/** Referral mechanism, part 1: signals, cases, consents, referrals. Keep in step with the migrations in ../migrations. */

export interface SignalsTable {
  id: Generated<string>;
  number: string;
  channel: 'professional' | 'self-report' | 'anonymous-tip' | 'outreach';
  status: Generated<'open' | 'registered' | 'advice-only' | 'no-indication' | 'merged'>;
  acute_danger: boolean;
  minor_involved: boolean;
  profile_id: string;
  profile_version: string;
  submitted_by_user_id: string | null;
  source_organisation_id: string | null;
  client_request_id: string | null;
  reference_code_hash: string | null;
  language: string | null;
  received_at: Timestamp;
  legal_basis: 'statutory-task' | 'consent' | null;
  person_enc: string | null;
  description_enc: string | null;
  indicators: string[];
  forms: string[];
  sector: string | null;
  region: string | null;
  place: string | null;
  estimated_age: number | null;
  presumed_minor: boolean | null;
  name_tokens: string[];
  name_pairs: string[];
  dob_token: string | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  decided_by_user_id: string | null;
  case_id: string | null;
  /** Online outreach: the contact this signal was handed over from (migration 0012). */
  outreach_contact_id: Generated<string | null>;
}

/** Possible duplicates found when a signal or a case was recorded (blind-index match). */
export interface SignalDuplicatesTable {
  signal_id: string;
  target_kind: 'case' | 'signal';
  target_id: string;
  found_at: Timestamp;
}

export interface SignalAdditionsTable {
  id: Generated<string>;
  signal_id: string;
  received_at: Timestamp;
  text_enc: string;
}

export interface CasesTable {
  id: Generated<string>;
  case_number: string;
  profile_id: string;
  profile_version: string;
  status: Generated<'open' | 'closed'>;
  dossier_type: string;
  registered_at: Timestamp;
  registered_by_user_id: string | null;
  source_signal_id: string | null;
  source_organisation_id: string | null;
  source_channel: string;
  legal_basis: string | null;
  region: string | null;
  first_signal_at: Timestamp;
  person_enc: string | null;
  name_tokens: string[];
  name_pairs: string[];
  dob_token: string | null;
  estimated_age: number | null;
  presumed_minor: boolean;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  citizenships: string[];
  languages: string[];
  interpreter_needed: boolean | null;
  forms: string[];
  sector: string | null;
  exploitation_location: 'in-country' | 'abroad' | 'both' | 'unknown' | null;
  place: string | null;
  period_from: Day | null;
  period_to: Day | null;
  description_enc: string | null;
  investigation_enc: string | null;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  closure_reason: string | null;
  anonymised_at: Generated<Timestamp | null>;
}

export interface CaseDossierHistoryTable {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  dossier_type: string;
  changed_at: Timestamp;
  changed_by_user_id: string | null;
  reason: string;
}

export interface ConsentsTable {
  id: Generated<string>;
  case_id: string;
  purpose: string;
  legal_basis: 'consent' | 'statutory-task' | 'vital-interest' | 'best-interests-of-child';
  organisation_id: string | null;
  given_on: Day;
  note: string | null;
  recorded_at: Timestamp;
  recorded_by_user_id: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by_user_id: string | null;
  withdrawal_reason: string | null;
}

export type ReferralStatus = 'requested' | 'accepted' | 'declined' | 'completed' | 'revoked';

export interface ReferralsTable {
  id: Generated<string>;
  case_id: string;
  type: string;
  organisation_id: string;
  status: Generated<ReferralStatus>;
  access_profile: string;
  consent_id: string | null;
  consent_override_reason: string | null;
  note: string | null;
  requested_at: Timestamp;
  requested_by_user_id: string | null;
  responded_at: Timestamp | null;
  responded_by_user_id: string | null;
  response_note: string | null;
  completed_at: Timestamp | null;
  ended_reason: string | null;
  ended_at: Timestamp | null;
  ended_by_user_id: string | null;
}

export interface PublicChallengesUsedTable {
  challenge_id: string;
  expires_at: Timestamp;
}
