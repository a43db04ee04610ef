import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../context.ts';
import type { CaseRecordType } from './retention-rules.ts';

/**
 * The changes retention makes to one case, each inside the caller's transaction (one per case).
 * What is kept and why is documented in docs/data-subject-rights.md ("Anonymisation"). Times of
 * day are removed (timestamps truncated to the UTC day): the statistics count per year and month
 * and measure durations in days.
 */
type Db = Ctx['db'];

const day = (...columns: string[]) => sql.raw(columns.map((c) => `${c} = date_trunc('day', ${c}, 'UTC')`).join(', '));
const run = (db: Db, query: RawBuilder<unknown>) => query.execute(db);

/** The signals that make up a case: the one it was registered from and those merged into it. */
async function caseSignalIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('signals')
    .select('id')
    .where((eb) => eb.or([eb('case_id', '=', caseId), eb('id', '=', eb.selectFrom('cases').select('source_signal_id').where('id', '=', caseId))]))
    .execute();
  return rows.map((r) => r.id);
}

const list = (ids: string[]) => sql.join(ids.length ? ids.map((id) => sql`${id}::uuid`) : [sql`null::uuid`]);

async function deleteNotes(db: Db, caseId: string) {
  await db.deleteFrom('case_notes').where('case_id', '=', caseId).execute();
}

/** Deletes the document rows and their stored_files rows; returns the file ids to remove from disk after commit. */
async function deleteDocuments(db: Db, caseId: string): Promise<string[]> {
  const docs = await db.deleteFrom('case_documents').where('case_id', '=', caseId).returning('file_id').execute();
  const fileIds = [...new Set(docs.map((d) => d.file_id))];
  if (fileIds.length === 0) return [];
  // Decisions may name the documents they relied on; the ids would point nowhere.
  await run(db, sql`update identification_decisions set document_ids = '{}' where case_id = ${caseId}`);
  const stillUsed = await db.selectFrom('case_documents').select('file_id').where('file_id', 'in', fileIds).execute();
  const free = fileIds.filter((id) => !stillUsed.some((u) => u.file_id === id));
  if (free.length) await db.deleteFrom('stored_files').where('id', 'in', free).execute();
  return free;
}

async function deleteIdentity(db: Db, caseId: string) {
  const signals = await caseSignalIds(db, caseId);
  await run(db, sql`update cases set person_enc = null, name_tokens = '{}', name_pairs = '{}', dob_token = null where id = ${caseId}`);
  await run(db, sql`update signals set person_enc = null, name_tokens = '{}', name_pairs = '{}', dob_token = null where id in (${list(signals)})`);
  // Possible-duplicate links were found through the identity, so they go with it.
  await run(db, sql`delete from signal_duplicates where signal_id in (${list(signals)}) or target_id in (${list([...signals, caseId])})`);
  await db.deleteFrom('case_corrections').where('case_id', '=', caseId).execute();
}

async function anonymiseConsents(db: Db, caseId: string) {
  await run(db, sql`update consents set note = null, withdrawal_reason = null, ${day('recorded_at', 'withdrawn_at')} where case_id = ${caseId}`);
}

async function anonymiseReferrals(db: Db, caseId: string) {
  await run(
    db,
    sql`update referrals set note = null, response_note = null, ended_reason = null, consent_override_reason = null,
        ${day('requested_at', 'responded_at', 'completed_at', 'ended_at')} where case_id = ${caseId}`,
  );
}

/** The case itself and everything around it that is not covered by the other record types. */
async function anonymiseCase(db: Db, caseId: string, now: Date) {
  const signals = await caseSignalIds(db, caseId);
  await run(
    db,
    sql`update cases set description_enc = null, investigation_enc = null, place = null, closure_reason = null,
        languages = '{}', interpreter_needed = null,
        period_from = date_trunc('month', period_from)::date, period_to = date_trunc('month', period_to)::date,
        ${day('registered_at', 'first_signal_at', 'closed_at')}, anonymised_at = ${now}, updated_at = ${now}
        where id = ${caseId}`,
  );
  await run(db, sql`update case_dossier_history set reason = '', ${day('changed_at')} where case_id = ${caseId}`);
  await run(
    db,
    sql`update signals set description_enc = null, place = null, decision_reason = null, reference_code_hash = null,
        ${day('received_at', 'decided_at')} where id in (${list(signals)})`,
  );
  await run(db, sql`delete from signal_additions where signal_id in (${list(signals)})`);
  await run(db, sql`update case_events set details = '{}'::jsonb, ${day('at')} where case_id = ${caseId} or signal_id in (${list(signals)})`);
  const clocks = sql`(select id from clocks where case_id = ${caseId} or signal_id in (${list(signals)}))`;
  await run(db, sql`update clocks set ${day('started_at', 'due_at', 'paused_at', 'next_warning_at', 'overdue_at', 'escalated_at', 'ended_at')} where id in ${clocks}`);
  await run(db, sql`update clock_history set details = '{}'::jsonb, ${day('at')} where clock_id in ${clocks}`);
  await run(db, sql`update tasks set note_enc = null, ${day('created_at', 'due_at', 'done_at')} where case_id = ${caseId} or signal_id in (${list(signals)})`);
  await run(db, sql`update identification_procedures set ${day('requested_at', 'closed_at')} where case_id = ${caseId}`);
  await run(db, sql`update identification_decisions set reasons_enc = null, document_ids = '{}', ${day('requested_at', 'recorded_at')} where case_id = ${caseId}`);
}

/** Applies one record type's action to a case; returns stored file ids to remove after commit. */
export async function applyCaseAction(db: Db, caseId: string, type: CaseRecordType, now: Date): Promise<string[]> {
  switch (type) {
    case 'note':
      await deleteNotes(db, caseId);
      return [];
    case 'document':
      return deleteDocuments(db, caseId);
    case 'identity':
      await deleteIdentity(db, caseId);
      return [];
    case 'consent-record':
      await anonymiseConsents(db, caseId);
      return [];
    case 'referral':
      await anonymiseReferrals(db, caseId);
      return [];
    case 'case':
      await anonymiseCase(db, caseId, now);
      return [];
  }
}
