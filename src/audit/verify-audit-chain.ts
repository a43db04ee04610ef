import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export type AuditProblem = { seq: number; problem: string };
export type AuditVerification = { entries: number; ok: boolean; problems: AuditProblem[]; lastHash: string };

/**
 * Walks the whole chain in order and recomputes every hash. Reports altered entries (hash mismatch),
 * removed entries (a gap in seq or a prev_hash that does not match) and a broken start.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditVerification> {
  const total = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let afterSeq = 0;
  let entries = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) problems.push({ seq: r.seq, problem: `entries ${expectedSeq}..${r.seq - 1} are missing` });
      if (r.prev_hash !== prevHash) problems.push({ seq: r.seq, problem: 'does not link to the entry before it (an entry was removed or replaced)' });
      const expected = auditHash(r.prev_hash, {
        seq: r.seq,
        at: new Date(r.at),
        actorUserId: r.actor_user_id,
        actorOrganisationId: r.actor_organisation_id,
        actorLabel: r.actor_label,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        purpose: r.purpose,
        outcome: r.outcome,
        ip: r.ip,
        requestId: r.request_id,
        details: r.details,
      });
      if (expected !== r.hash) problems.push({ seq: r.seq, problem: 'content was altered after it was written' });
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      afterSeq = r.seq;
      entries++;
    }
    onProgress?.(entries, total);
  }
  return { entries, ok: problems.length === 0, problems, lastHash: prevHash };
}
