import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';
import { recordAudit } from './record-audit.ts';

export type AuditFilter = {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actorUserId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  from?: Date;
  to?: Date;
  before?: number;
  limit?: number;
};

/** Browsing the audit trail is itself audited (it shows who looked at what). Newest first, keyset paging. */
export async function listAudit(ctx: Ctx, f: AuditFilter) {
  assertCan(ctx.actor, 'list', 'audit');
  const limit = Math.min(f.limit ?? 50, 200);
  let q = ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.seq', 'a.at', 'a.actor_user_id', 'a.actor_label', 'u.display_name', 'a.actor_organisation_id', 'a.action', 'a.resource_type', 'a.resource_id', 'a.purpose', 'a.outcome', 'a.ip', 'a.request_id', 'a.details']);
  if (f.action) q = q.where('a.action', 'like', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.resourceType) q = q.where('a.resource_type', '=', f.resourceType);
  if (f.resourceId) q = q.where('a.resource_id', '=', f.resourceId);
  if (f.actorUserId) q = q.where('a.actor_user_id', '=', f.actorUserId);
  if (f.outcome) q = q.where('a.outcome', '=', f.outcome);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.before) q = q.where('a.seq', '<', f.before);
  const rows = await q.orderBy('a.seq', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  await recordAudit(ctx, { action: 'audit.list', resourceType: 'audit', purpose: 'oversight', details: { filter: { ...f, from: f.from?.toISOString(), to: f.to?.toISOString() }, count: page.length } });
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      actorName: r.display_name,
      organisationId: r.actor_organisation_id,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      purpose: r.purpose,
      outcome: r.outcome,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details as Record<string, unknown>,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
