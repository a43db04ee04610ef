import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely. Keep in step with the migrations in ./migrations. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  type: string;
  region: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface RolesTable {
  id: string;
  name: string;
  description: Generated<string>;
  scope: 'own' | 'organisation' | 'assigned' | 'all';
  sees_personal_data: boolean;
  built_in: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface RoleGrantsTable {
  role_id: string;
  resource: string;
  action: string;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  role_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  locale: Generated<'nl' | 'en'>;
  created_at: GeneratedTimestamp;
  last_login_at: Timestamp | null;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  stage: 'second-factor' | 'enrol' | 'full';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_label: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  ip: string | null;
  request_id: string | null;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: Generated<number>;
  type: string;
  payload: Json;
  status: Generated<'queued' | 'running' | 'done' | 'dead'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface StoredFilesTable {
  id: string;
  purpose: string;
  mime_type: string;
  size_bytes: number;
  key_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** A calendar day as 'YYYY-MM-DD' (see db/database.ts: dates are read as strings). */
type Day = string;

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

export type ClockState = 'running' | 'paused' | 'stopped' | 'expired' | 'completed';
export type ClockHistoryWhat = 'started' | 'warned' | 'paused' | 'resumed' | 'stopped' | 'overdue' | 'expired' | 'escalated' | 'restarted' | 'completed';

export interface CaseEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string | null;
  signal_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  event: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  details: Json;
}

export interface ClocksTable {
  id: Generated<string>;
  code: string;
  kind: 'deadline' | 'period' | 'minimum-period';
  profile_id: string;
  profile_version: string;
  case_id: string | null;
  signal_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  state: Generated<ClockState>;
  started_at: Timestamp;
  due_at: Timestamp;
  paused_at: Timestamp | null;
  paused_ms: Generated<number>;
  next_warning: Generated<number>;
  next_warning_at: Timestamp | null;
  overdue_at: Timestamp | null;
  escalated_at: Timestamp | null;
  ended_at: Timestamp | null;
  start_event_id: string | null;
  version: Generated<number>;
}

export interface ClockHistoryTable {
  id: Generated<string>;
  seq: Generated<number>;
  clock_id: string;
  at: Timestamp;
  what: ClockHistoryWhat;
  event_id: string | null;
  actor_label: string;
  details: Json;
}

export interface TasksTable {
  id: Generated<string>;
  case_id: string | null;
  signal_id: string | null;
  clock_id: string | null;
  assigned_role: string | null;
  assigned_organisation_id: string | null;
  assigned_user_id: Generated<string | null>;
  created_by_user_id: Generated<string | null>;
  note_enc: Generated<string | null>;
  title_code: string;
  due_at: Timestamp | null;
  status: Generated<'open' | 'done'>;
  created_at: Timestamp;
  done_at: Timestamp | null;
  done_by_user_id: string | null;
  closed_by_event: string | null;
}

export type Visibility = 'organisation' | 'involved' | 'registrar';

export interface IdentificationProceduresTable {
  id: Generated<string>;
  case_id: string;
  stage_code: string;
  decision_body: string;
  body_organisation_id: string | null;
  status: Generated<'open' | 'decided' | 'withdrawn'>;
  requested_at: Timestamp;
  requested_by_user_id: string | null;
  closed_at: Timestamp | null;
}

export interface IdentificationDecisionsTable {
  id: Generated<string>;
  procedure_id: string;
  case_id: string;
  kind: 'decision' | 'review';
  review_code: string | null;
  reviews_decision_id: string | null;
  status: 'requested' | 'decided';
  outcome_code: string | null;
  decision_body: string;
  decided_on: Day | null;
  requested_at: Timestamp | null;
  recorded_at: Timestamp;
  recorded_by_user_id: string | null;
  reasons_enc: string | null;
  document_ids: Generated<string[]>;
}

export interface CaseNotesTable {
  id: Generated<string>;
  case_id: string;
  visibility: Visibility;
  body_enc: string;
  author_user_id: string | null;
  author_organisation_id: string | null;
  created_at: Timestamp;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  case_id: string;
  file_id: string;
  document_type: string;
  file_name_enc: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  visibility: Visibility;
  uploaded_by_user_id: string | null;
  uploaded_by_organisation_id: string | null;
  uploaded_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by_user_id: string | null;
  removed_reason: string | null;
}

export interface CaseCorrectionsTable {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  field: string;
  old_enc: string | null;
  new_enc: string | null;
  reason: string;
  corrected_at: Timestamp;
  corrected_by_user_id: string | null;
}

export interface RetentionRunsTable {
  id: Generated<string>;
  dry_run: boolean;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  actor_label: string;
  actor_user_id: string | null;
  report: Json;
}

export interface DB {
  organisations: OrganisationsTable;
  roles: RolesTable;
  role_grants: RoleGrantsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  stored_files: StoredFilesTable;
  signals: SignalsTable;
  signal_additions: SignalAdditionsTable;
  signal_duplicates: SignalDuplicatesTable;
  cases: CasesTable;
  case_dossier_history: CaseDossierHistoryTable;
  consents: ConsentsTable;
  referrals: ReferralsTable;
  public_challenges_used: PublicChallengesUsedTable;
  case_events: CaseEventsTable;
  clocks: ClocksTable;
  clock_history: ClockHistoryTable;
  tasks: TasksTable;
  identification_procedures: IdentificationProceduresTable;
  identification_decisions: IdentificationDecisionsTable;
  case_notes: CaseNotesTable;
  case_documents: CaseDocumentsTable;
  case_corrections: CaseCorrectionsTable;
  retention_runs: RetentionRunsTable;
}
