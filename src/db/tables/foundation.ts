import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './column-types.ts';

/** Foundation tables: organisations, roles, users, sessions, audit, jobs, stored files. Keep in step with the migrations in ../migrations. */

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
