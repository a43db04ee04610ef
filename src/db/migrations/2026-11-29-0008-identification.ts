import { sql, type Kysely } from 'kysely';
import { deleteRoleGrants, insertRoleGrants } from './role-grant-rows.ts';

/**
 * Identification (referral mechanism, part 2).
 * - `identification_procedures`: one per profile stage a case goes through (e.g. the Dutch advisory
 *   committee's assessment, or reasonable then conclusive grounds). While a procedure is open the
 *   deciding body's organisation can see the case (need-to-know).
 * - `identification_decisions`: the decision of a stage and every review of it (reconsideration,
 *   appeal), each with outcome, deciding body, date, encrypted reasons and the case documents relied
 *   on. A review is requested first (its own clock runs) and decided later.
 * Victim status lives here only; criminal-case and residence outcomes are case events of their own,
 * so support never depends on cooperation with an investigation.
 */
const ddl = [
  `create table identification_procedures (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references cases(id) on delete cascade,
     stage_code text not null,
     decision_body text not null,
     body_organisation_id uuid references organisations(id),
     status text not null default 'open' check (status in ('open','decided','withdrawn')),
     requested_at timestamptz not null,
     requested_by_user_id uuid references users(id),
     closed_at timestamptz
   )`,
  `create index identification_procedures_case_idx on identification_procedures (case_id, requested_at)`,
  `create index identification_procedures_body_idx on identification_procedures (body_organisation_id) where status = 'open'`,
  `create table identification_decisions (
     id uuid primary key default gen_random_uuid(),
     procedure_id uuid not null references identification_procedures(id) on delete cascade,
     case_id uuid not null references cases(id) on delete cascade,
     kind text not null check (kind in ('decision','review')),
     review_code text,
     reviews_decision_id uuid references identification_decisions(id) on delete cascade,
     status text not null check (status in ('requested','decided')),
     outcome_code text,
     decision_body text not null,
     decided_on date,
     requested_at timestamptz,
     recorded_at timestamptz not null,
     recorded_by_user_id uuid references users(id),
     reasons_enc text,
     document_ids uuid[] not null default '{}',
     check (kind = 'decision' or (review_code is not null and reviews_decision_id is not null)),
     check (status = 'requested' or (outcome_code is not null and decided_on is not null))
   )`,
  `create index identification_decisions_case_idx on identification_decisions (case_id, recorded_at)`,
  `create index identification_decisions_procedure_idx on identification_decisions (procedure_id)`,
];

/** Least privilege: partners in general never see identification; the body decides; the registrar records. */
export const IDENTIFICATION_GRANTS: Record<string, string[]> = {
  registrar: ['identification:list', 'identification:request', 'identification:decide', 'identification:review', 'case:record-event'],
  'care-coordinator': ['identification:list', 'identification:request', 'identification:review', 'case:record-event'],
  'identification-body-member': ['identification:list', 'identification:decide'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of ddl) await sql.raw(statement).execute(db);
  await insertRoleGrants(db, IDENTIFICATION_GRANTS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await deleteRoleGrants(db, IDENTIFICATION_GRANTS);
  for (const t of ['identification_decisions', 'identification_procedures']) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
}
