import { sql, type Kysely } from 'kysely';
import { deleteRoleGrants, insertRoleGrants } from './role-grant-rows.ts';

/**
 * Online outreach, part 2: imported ads, their clusters, safe contact and the handover.
 * - `outreach_sources`: the sites ads come from; a source may hold an ingestion credential (only its
 *   SHA-256 is stored) for crawlers posting to the ingestion API.
 * - `outreach_imports`: one run of an import (upload, CLI, API, demo) with its progress and counts.
 * - `outreach_ads`: one row per (source, external id). The ad record and the engine's features are
 *   encrypted; a few coarse attributes (city, language, dates, indicator codes) are in clear for lists
 *   and filters. Every changed version is kept in `outreach_ad_versions`.
 * - `outreach_ad_keys`: keyed hashes (HMAC) of an ad's phones, e-mails, handles, photo-hash bands and
 *   template LSH bands: how a new ad finds the clusters it may join without re-clustering everything,
 *   and without any plaintext identifier in an index.
 * - `outreach_clusters`: "likely the same operator", with the engine's score; reasons are encrypted
 *   (their evidence names phone numbers); claim by an outreach worker.
 * - `outreach_message_templates`: per-language first messages, checked by the safety rules, approved
 *   by a second person before use.
 * - `outreach_opt_outs`: a phone's keyed hash, never its number, kept for good (no retention).
 * - `outreach_contacts` and `outreach_contact_events`: each contact attempt (message or logged call)
 *   with its outcome history; the number, message and notes are encrypted.
 * - `outreach_weekly_counts`: anonymous counts of ads and clusters seen per week and language, so the
 *   funnel keeps its top after ads of people never contacted are purged.
 * - `signals.outreach_contact_id`: the link back from a handed-over signal to the contact.
 */
const ddl = [
  `create table outreach_sources (
     id uuid primary key default gen_random_uuid(),
     code text not null unique check (code ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
     name text not null,
     token_hash text unique,
     token_hint text,
     created_at timestamptz not null,
     created_by_user_id uuid references users(id),
     revoked_at timestamptz
   )`,
  `create table outreach_imports (
     id uuid primary key default gen_random_uuid(),
     channel text not null check (channel in ('upload','cli','api','demo')),
     source_id uuid references outreach_sources(id),
     file_id uuid references stored_files(id),
     file_name text,
     status text not null default 'queued' check (status in ('queued','running','done','failed')),
     total_bytes bigint not null default 0,
     processed_bytes bigint not null default 0,
     lines integer not null default 0,
     created integer not null default 0,
     updated integer not null default 0,
     unchanged integer not null default 0,
     malformed integer not null default 0,
     clusters_touched integer not null default 0,
     problems jsonb not null default '[]',
     error text,
     started_by_user_id uuid references users(id),
     started_by_label text not null,
     created_at timestamptz not null,
     started_at timestamptz,
     finished_at timestamptz
   )`,
  `create index outreach_imports_created_idx on outreach_imports (created_at desc)`,
  `create table outreach_clusters (
     id text primary key,
     score double precision not null,
     reasons_enc text not null,
     reason_codes text[] not null default '{}',
     size integer not null,
     personas integer not null default 0,
     cities text[] not null default '{}',
     moves integer not null default 0,
     phones integer not null default 0,
     languages text[] not null default '{}',
     minor_risk boolean not null default false,
     first_posted_at timestamptz,
     last_posted_at timestamptz,
     first_seen_at timestamptz not null,
     last_seen_at timestamptz not null,
     claimed_by_user_id uuid references users(id),
     claimed_at timestamptz,
     updated_at timestamptz not null
   )`,
  `create index outreach_clusters_score_idx on outreach_clusters (score desc, id)`,
  `create index outreach_clusters_seen_idx on outreach_clusters (last_seen_at)`,
  `create table outreach_ads (
     id uuid primary key default gen_random_uuid(),
     source text not null,
     external_id text not null,
     version integer not null default 1,
     content_hash text not null,
     record_enc text not null,
     features_enc text not null,
     cluster_id text references outreach_clusters(id) on delete set null,
     ad_score double precision,
     indicator_codes text[] not null default '{}',
     language text not null default 'und',
     city text,
     country text,
     posted_at timestamptz,
     stated_age integer,
     phone_count integer not null default 0,
     first_seen_at timestamptz not null,
     last_seen_at timestamptz not null,
     updated_at timestamptz not null,
     import_id uuid references outreach_imports(id) on delete set null,
     unique (source, external_id)
   )`,
  `create index outreach_ads_cluster_idx on outreach_ads (cluster_id)`,
  `create index outreach_ads_seen_idx on outreach_ads (last_seen_at)`,
  `create index outreach_ads_first_seen_idx on outreach_ads (first_seen_at)`,
  `create table outreach_ad_versions (
     id uuid primary key default gen_random_uuid(),
     ad_id uuid not null references outreach_ads(id) on delete cascade,
     version integer not null,
     content_hash text not null,
     record_enc text not null,
     received_at timestamptz not null,
     import_id uuid references outreach_imports(id) on delete set null,
     unique (ad_id, version)
   )`,
  `create table outreach_ad_keys (
     key text not null,
     ad_id uuid not null references outreach_ads(id) on delete cascade,
     primary key (key, ad_id)
   )`,
  `create index outreach_ad_keys_ad_idx on outreach_ad_keys (ad_id)`,
  `create table outreach_message_templates (
     id uuid primary key default gen_random_uuid(),
     language text not null,
     name text not null,
     body text not null,
     status text not null default 'draft' check (status in ('draft','approved','retired')),
     safety_problems jsonb not null default '[]',
     created_by_user_id uuid references users(id),
     created_at timestamptz not null,
     approved_by_user_id uuid references users(id),
     approved_at timestamptz,
     retired_at timestamptz,
     check (status <> 'approved' or approved_by_user_id is not null)
   )`,
  `create table outreach_opt_outs (
     phone_token text primary key,
     recorded_at timestamptz not null,
     recorded_by_user_id uuid references users(id),
     via text not null check (via in ('reply','call','worker','other'))
   )`,
  `create table outreach_contacts (
     id uuid primary key default gen_random_uuid(),
     cluster_id text references outreach_clusters(id) on delete set null,
     phone_enc text not null,
     phone_token text not null,
     phone_hint text not null,
     channel text not null check (channel in ('sms','messaging-app','call')),
     language text not null,
     template_id uuid references outreach_message_templates(id),
     message_enc text,
     provider text not null,
     provider_message_id text,
     delivery text not null check (delivery in ('queued','sent','failed','logged')),
     delivery_error text,
     outcome text check (outcome in ('no-answer','replied','conversation','declined','wants-help','referred')),
     outcome_at timestamptz,
     follow_up_at timestamptz,
     signal_id uuid references signals(id),
     created_by_user_id uuid references users(id),
     created_at timestamptz not null,
     sent_at timestamptz
   )`,
  `create index outreach_contacts_cluster_idx on outreach_contacts (cluster_id)`,
  `create index outreach_contacts_phone_idx on outreach_contacts (phone_token)`,
  `create index outreach_contacts_follow_up_idx on outreach_contacts (follow_up_at) where follow_up_at is not null`,
  `create table outreach_contact_events (
     id uuid primary key default gen_random_uuid(),
     contact_id uuid not null references outreach_contacts(id) on delete cascade,
     at timestamptz not null,
     event text not null,
     outcome text,
     note_enc text,
     actor_user_id uuid references users(id)
   )`,
  `create index outreach_contact_events_contact_idx on outreach_contact_events (contact_id, at)`,
  `create table outreach_weekly_counts (
     week date not null,
     language text not null,
     ads_seen integer not null default 0,
     clusters_new integer not null default 0,
     primary key (week, language)
   )`,
  `alter table signals add column outreach_contact_id uuid references outreach_contacts(id)`,
  `create unique index signals_outreach_contact_idx on signals (outreach_contact_id) where outreach_contact_id is not null`,
];

export const OUTREACH_WORK_GRANTS: Record<string, string[]> = {
  'outreach-worker': [
    'outreach-ad:import', 'outreach-ad:list', 'outreach-ad:read',
    'outreach-source:list',
    'outreach-cluster:list', 'outreach-cluster:read', 'outreach-cluster:claim', 'outreach-cluster:assign',
    'outreach-contact:list', 'outreach-contact:create', 'outreach-contact:reveal', 'outreach-contact:record-outcome', 'outreach-contact:handover',
    'outreach-template:list', 'outreach-template:write', 'outreach-template:approve',
    'outreach-opt-out:record',
    'outreach-funnel:read',
  ],
  administrator: ['outreach-source:list', 'outreach-source:manage', 'outreach-ad:purge'],
  'statistics-analyst': ['outreach-funnel:read'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of ddl) await sql.raw(statement).execute(db);
  await insertRoleGrants(db, OUTREACH_WORK_GRANTS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await deleteRoleGrants(db, OUTREACH_WORK_GRANTS);
  await sql.raw(`drop index if exists signals_outreach_contact_idx`).execute(db);
  await sql.raw(`alter table signals drop column if exists outreach_contact_id`).execute(db);
  const tables = [
    'outreach_weekly_counts', 'outreach_contact_events', 'outreach_contacts', 'outreach_opt_outs', 'outreach_message_templates',
    'outreach_ad_keys', 'outreach_ad_versions', 'outreach_ads', 'outreach_clusters', 'outreach_imports', 'outreach_sources',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
}
