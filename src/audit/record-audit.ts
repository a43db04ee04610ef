import { sql } from 'kysely';
import { inTransaction, type Ctx } from '../context.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export type AuditEntry = {
  /** Verb-noun, e.g. "user.create", "case.read", "auth.login". */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** Why: the purpose of a read or write of personal data (e.g. "administration", "triage"). */
  purpose?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  /** Extra facts; never secrets, and personal data only where the entry is about that data. */
  details?: Record<string, unknown>;
};

// Any constant: all appends take this transaction-scoped lock so the chain has no forks.
const AUDIT_CHAIN_LOCK = 0x62616b656e;

/**
 * Appends one entry to the hash-chained audit trail, inside the caller's transaction when there is
 * one (so an entry exists exactly when the change it describes was committed).
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await inTransaction(ctx, async ({ db }) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db);
    const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      at: ctx.clock.now(),
      actorUserId: ctx.actor.userId,
      actorOrganisationId: ctx.actor.organisationId,
      actorLabel: ctx.actor.label,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      purpose: entry.purpose ?? null,
      outcome: entry.outcome ?? 'ok',
      ip: ctx.origin.ip,
      requestId: ctx.origin.requestId,
      details: entry.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await db
      .insertInto('audit_log')
      .values({
        seq: fields.seq,
        at: fields.at,
        actor_user_id: fields.actorUserId,
        actor_organisation_id: fields.actorOrganisationId,
        actor_label: fields.actorLabel,
        action: fields.action,
        resource_type: fields.resourceType,
        resource_id: fields.resourceId,
        purpose: fields.purpose,
        outcome: fields.outcome,
        ip: fields.ip,
        request_id: fields.requestId,
        details: JSON.stringify(fields.details),
        prev_hash: prevHash,
        hash: auditHash(prevHash, fields),
      })
      .execute();
  });
}
