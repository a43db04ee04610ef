import { sql, type Kysely } from 'kysely';
import { deleteRoleGrants, insertRoleGrants } from './role-grant-rows.ts';

/**
 * The case workspace (referral mechanism, part 2).
 * - `case_notes`: encrypted free text with a visibility level: `organisation` (the author's
 *   organisation only), `involved` (everyone who may open the case) or `registrar` (the focal point
 *   only). Notes are never edited; a correction is a new note.
 * - `case_documents`: a case's documents; the bytes are an encrypted stored file, the file name is
 *   encrypted too, with a type from a fixed list, the checked media type, size and SHA-256, and the
 *   same visibility levels as notes. Removal is soft (who, when and why) until retention deletes it.
 * - `tasks` can now be assigned to a person (not only to a role) and created by hand.
 */
const ddl = [
  `create table case_notes (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references cases(id) on delete cascade,
     visibility text not null check (visibility in ('organisation','involved','registrar')),
     body_enc text not null,
     author_user_id uuid references users(id),
     author_organisation_id uuid references organisations(id),
     created_at timestamptz not null
   )`,
  `create index case_notes_case_idx on case_notes (case_id, created_at)`,
  `create table case_documents (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references cases(id) on delete cascade,
     file_id uuid not null references stored_files(id),
     document_type text not null,
     file_name_enc text not null,
     mime_type text not null,
     size_bytes integer not null check (size_bytes >= 0),
     sha256 text not null,
     visibility text not null check (visibility in ('organisation','involved','registrar')),
     uploaded_by_user_id uuid references users(id),
     uploaded_by_organisation_id uuid references organisations(id),
     uploaded_at timestamptz not null,
     removed_at timestamptz,
     removed_by_user_id uuid references users(id),
     removed_reason text,
     check ((removed_at is null) = (removed_reason is null))
   )`,
  `create index case_documents_case_idx on case_documents (case_id, uploaded_at)`,
  `alter table tasks alter column assigned_role drop not null`,
  `alter table tasks add column assigned_user_id uuid references users(id),
                     add column created_by_user_id uuid references users(id),
                     add column note_enc text`,
  `alter table tasks add constraint tasks_assignee_check check (assigned_role is not null or assigned_user_id is not null)`,
  `create index tasks_user_idx on tasks (assigned_user_id, status) where assigned_user_id is not null`,
];

export const WORKSPACE_GRANTS: Record<string, string[]> = {
  registrar: ['note:list', 'note:write', 'document:list', 'document:upload', 'document:download', 'task:create'],
  'care-coordinator': ['note:list', 'note:write', 'document:list', 'document:upload', 'document:download', 'task:create'],
  'service-provider': ['note:list', 'note:write', 'document:list', 'document:upload', 'document:download'],
  'identification-body-member': ['note:list', 'note:write', 'document:list', 'document:download'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of ddl) await sql.raw(statement).execute(db);
  await insertRoleGrants(db, WORKSPACE_GRANTS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await deleteRoleGrants(db, WORKSPACE_GRANTS);
  await sql.raw(`delete from tasks where assigned_role is null`).execute(db);
  await sql.raw(`alter table tasks drop constraint tasks_assignee_check, drop column assigned_user_id, drop column created_by_user_id, drop column note_enc`).execute(db);
  await sql.raw(`alter table tasks alter column assigned_role set not null`).execute(db);
  for (const t of ['case_documents', 'case_notes']) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
}
