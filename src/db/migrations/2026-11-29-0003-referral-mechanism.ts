import { sql, type Kysely } from 'kysely';

/**
 * The central information point: signals (professional, public, outreach), cases of presumed
 * victims, the consent and legal-basis ledger, and referrals. Columns ending in `_enc` hold
 * envelope-encrypted values (see crypto/encrypted-columns.ts); `name_tokens`, `name_pairs`, `dob_token` are keyed
 * blind-index values (HMAC) that allow matching without storing identity in plaintext.
 */
const ddl = [
  `create table signals (
     id uuid primary key default gen_random_uuid(),
     number text not null unique,
     channel text not null check (channel in ('professional','self-report','anonymous-tip','outreach')),
     status text not null default 'open' check (status in ('open','registered','advice-only','no-indication','merged')),
     acute_danger boolean not null default false,
     minor_involved boolean not null default false,
     profile_id text not null,
     profile_version text not null,
     submitted_by_user_id uuid references users(id),
     source_organisation_id uuid references organisations(id),
     client_request_id uuid,
     reference_code_hash text unique,
     language text,
     received_at timestamptz not null,
     legal_basis text check (legal_basis in ('statutory-task','consent')),
     person_enc text,
     description_enc text,
     indicators text[] not null default '{}',
     forms text[] not null default '{}',
     sector text,
     region text,
     place text,
     estimated_age integer check (estimated_age between 0 and 120),
     presumed_minor boolean,
     name_tokens text[] not null default '{}',
     name_pairs text[] not null default '{}',
     dob_token text,
     decision_reason text,
     decided_at timestamptz,
     decided_by_user_id uuid references users(id),
     -- The case this signal was registered as or merged into. No foreign key on purpose: cases
     -- reference their source signal, and a cycle of foreign keys would break restore order.
     case_id uuid
   )`,
  `create unique index signals_idempotency_key on signals (submitted_by_user_id, client_request_id) where client_request_id is not null`,
  `create index signals_queue_idx on signals (status, acute_danger desc, minor_involved desc, received_at)`,
  `create index signals_submitter_idx on signals (submitted_by_user_id, received_at desc)`,
  `create index signals_name_pairs_idx on signals using gin (name_pairs) where status = 'open'`,
  `create index signals_dob_idx on signals (dob_token) where status = 'open' and dob_token is not null`,
  `create table signal_duplicates (
     signal_id uuid not null references signals(id) on delete cascade,
     target_kind text not null check (target_kind in ('case','signal')),
     target_id uuid not null,
     found_at timestamptz not null,
     primary key (signal_id, target_kind, target_id)
   )`,
  `create table signal_additions (
     id uuid primary key default gen_random_uuid(),
     signal_id uuid not null references signals(id) on delete cascade,
     received_at timestamptz not null,
     text_enc text not null
   )`,
  `create index signal_additions_signal_idx on signal_additions (signal_id, received_at)`,
  `create table cases (
     id uuid primary key default gen_random_uuid(),
     case_number text not null unique,
     profile_id text not null,
     profile_version text not null,
     status text not null default 'open' check (status in ('open','closed')),
     dossier_type text not null,
     registered_at timestamptz not null,
     registered_by_user_id uuid references users(id),
     source_signal_id uuid references signals(id),
     source_organisation_id uuid references organisations(id),
     source_channel text not null,
     legal_basis text,
     region text,
     first_signal_at timestamptz not null,
     person_enc text,
     name_tokens text[] not null default '{}',
     name_pairs text[] not null default '{}',
     dob_token text,
     estimated_age integer check (estimated_age between 0 and 120),
     presumed_minor boolean not null default false,
     sex text check (sex in ('female','male','other','unknown')),
     citizenships text[] not null default '{}',
     languages text[] not null default '{}',
     interpreter_needed boolean,
     forms text[] not null default '{}',
     sector text,
     exploitation_location text check (exploitation_location in ('in-country','abroad','both','unknown')),
     place text,
     period_from date,
     period_to date,
     description_enc text,
     investigation_enc text,
     updated_at timestamptz not null
   )`,
  `create index cases_registered_idx on cases (registered_at desc, id desc)`,
  `create index cases_number_prefix_idx on cases (case_number text_pattern_ops)`,
  `create index cases_name_tokens_idx on cases using gin (name_tokens)`,
  `create index cases_name_pairs_idx on cases using gin (name_pairs)`,
  `create index cases_forms_idx on cases using gin (forms)`,
  `create index cases_status_region_idx on cases (status, region, registered_at desc)`,
  `create index cases_dob_idx on cases (dob_token) where dob_token is not null`,
  `create table case_dossier_history (
     id uuid primary key default gen_random_uuid(),
     seq bigint generated by default as identity,
     case_id uuid not null references cases(id) on delete cascade,
     dossier_type text not null,
     changed_at timestamptz not null,
     changed_by_user_id uuid references users(id),
     reason text not null
   )`,
  `create index case_dossier_history_case_idx on case_dossier_history (case_id, seq)`,
  `create table consents (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references cases(id) on delete cascade,
     purpose text not null,
     legal_basis text not null check (legal_basis in ('consent','statutory-task','vital-interest','best-interests-of-child')),
     organisation_id uuid references organisations(id),
     given_on date not null,
     note text,
     recorded_at timestamptz not null,
     recorded_by_user_id uuid references users(id),
     withdrawn_at timestamptz,
     withdrawn_by_user_id uuid references users(id),
     withdrawal_reason text
   )`,
  `create index consents_case_idx on consents (case_id, purpose)`,
  `create table referrals (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references cases(id) on delete cascade,
     type text not null,
     organisation_id uuid not null references organisations(id),
     status text not null default 'requested' check (status in ('requested','accepted','declined','completed','revoked')),
     access_profile text not null,
     consent_id uuid references consents(id),
     consent_override_reason text,
     note text,
     requested_at timestamptz not null,
     requested_by_user_id uuid references users(id),
     responded_at timestamptz,
     responded_by_user_id uuid references users(id),
     response_note text,
     completed_at timestamptz,
     ended_reason text,
     ended_at timestamptz,
     ended_by_user_id uuid references users(id)
   )`,
  `create index referrals_case_idx on referrals (case_id, requested_at)`,
  `create index referrals_org_active_idx on referrals (organisation_id, case_id) where status in ('requested','accepted')`,
  `create index referrals_org_idx on referrals (organisation_id, status, requested_at desc)`,
  `create index referrals_consent_idx on referrals (consent_id) where status in ('requested','accepted')`,
  `create table public_challenges_used (
     challenge_id text primary key,
     expires_at timestamptz not null
   )`,
  `create index public_challenges_used_expiry_idx on public_challenges_used (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of ddl) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['signal_duplicates', 'public_challenges_used', 'referrals', 'consents', 'case_dossier_history', 'cases', 'signal_additions', 'signals']) {
    await sql.raw(`drop table if exists ${t} cascade`).execute(db);
  }
}
