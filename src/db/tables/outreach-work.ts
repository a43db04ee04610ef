import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

/** A jsonb column with a database default: written as a JSON string, optional on insert. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

/** Online outreach, part 2: imported ads, clusters, contact and handover. Keep in step with migration 0012. */

export type OutreachImportChannel = 'upload' | 'cli' | 'api' | 'demo';
export type OutreachImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type OutreachChannel = 'sms' | 'messaging-app' | 'call';
export type OutreachDelivery = 'queued' | 'sent' | 'failed' | 'logged';
export type OutreachOutcome = 'no-answer' | 'replied' | 'conversation' | 'declined' | 'wants-help' | 'referred';
export type OutreachTemplateStatus = 'draft' | 'approved' | 'retired';

export interface OutreachSourcesTable {
  id: Generated<string>;
  code: string;
  name: string;
  token_hash: string | null;
  token_hint: string | null;
  created_at: Timestamp;
  created_by_user_id: string | null;
  revoked_at: Timestamp | null;
}

export interface OutreachImportsTable {
  id: Generated<string>;
  channel: OutreachImportChannel;
  source_id: string | null;
  file_id: string | null;
  file_name: string | null;
  status: Generated<OutreachImportStatus>;
  total_bytes: Generated<number>;
  processed_bytes: Generated<number>;
  lines: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  malformed: Generated<number>;
  clusters_touched: Generated<number>;
  /** [{ line, message }] for the first malformed lines. */
  problems: JsonWithDefault;
  error: string | null;
  started_by_user_id: string | null;
  started_by_label: string;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface OutreachClustersTable {
  id: string;
  score: number;
  /** Encrypted JSON [{ code, weight, evidence }]: evidence names phone numbers. */
  reasons_enc: string;
  reason_codes: Generated<string[]>;
  size: number;
  personas: Generated<number>;
  cities: Generated<string[]>;
  moves: Generated<number>;
  phones: Generated<number>;
  languages: Generated<string[]>;
  minor_risk: Generated<boolean>;
  first_posted_at: Timestamp | null;
  last_posted_at: Timestamp | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  claimed_by_user_id: string | null;
  claimed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface OutreachAdsTable {
  id: Generated<string>;
  source: string;
  external_id: string;
  version: Generated<number>;
  content_hash: string;
  /** Encrypted JSON: the ad record as imported (docs/ad-format.md). */
  record_enc: string;
  /** Encrypted JSON: the engine's AdFeatures (image hashes as hex), to re-cluster without re-analysing. */
  features_enc: string;
  cluster_id: string | null;
  ad_score: number | null;
  indicator_codes: Generated<string[]>;
  language: Generated<string>;
  city: string | null;
  country: string | null;
  posted_at: Timestamp | null;
  stated_age: number | null;
  phone_count: Generated<number>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  updated_at: Timestamp;
  import_id: string | null;
}

export interface OutreachAdVersionsTable {
  id: Generated<string>;
  ad_id: string;
  version: number;
  content_hash: string;
  record_enc: string;
  received_at: Timestamp;
  import_id: string | null;
}

export interface OutreachAdKeysTable {
  key: string;
  ad_id: string;
}

export interface OutreachMessageTemplatesTable {
  id: Generated<string>;
  language: string;
  name: string;
  body: string;
  status: Generated<OutreachTemplateStatus>;
  safety_problems: JsonWithDefault;
  created_by_user_id: string | null;
  created_at: Timestamp;
  approved_by_user_id: string | null;
  approved_at: Timestamp | null;
  retired_at: Timestamp | null;
}

export interface OutreachOptOutsTable {
  phone_token: string;
  recorded_at: Timestamp;
  recorded_by_user_id: string | null;
  via: 'reply' | 'call' | 'worker' | 'third-party' | 'other';
}

export interface OutreachContactsTable {
  id: Generated<string>;
  cluster_id: string | null;
  phone_enc: string;
  phone_token: string;
  /** The last two digits only ("…12"), to tell numbers apart without revealing them. */
  phone_hint: string;
  channel: OutreachChannel;
  language: string;
  template_id: string | null;
  message_enc: string | null;
  provider: string;
  provider_message_id: string | null;
  delivery: OutreachDelivery;
  delivery_error: string | null;
  outcome: OutreachOutcome | null;
  outcome_at: Timestamp | null;
  follow_up_at: Timestamp | null;
  signal_id: string | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface OutreachContactEventsTable {
  id: Generated<string>;
  contact_id: string;
  at: Timestamp;
  event: string;
  outcome: OutreachOutcome | null;
  note_enc: string | null;
  actor_user_id: string | null;
}

export interface OutreachWeeklyCountsTable {
  week: string;
  language: string;
  ads_seen: Generated<number>;
  clusters_new: Generated<number>;
}
