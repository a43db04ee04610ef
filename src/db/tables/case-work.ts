import type { Generated } from 'kysely';
import type { Day, Json, Timestamp } from './column-types.ts';

/** Referral mechanism, part 2: case events, clocks, tasks, identification, workspace, rights and retention. Keep in step with the migrations in ../migrations. */

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
