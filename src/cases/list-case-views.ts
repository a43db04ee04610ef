import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { loadCase } from './case-access.ts';

/** Who opened this case, when and why: from the audit trail (registrars; itself audited). */
export async function listCaseViews(ctx: Ctx, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    await loadCase(tx, input.id, 'view-log');
    const rows = await tx.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
      .select(['audit_log.at', 'audit_log.action', 'audit_log.purpose', 'audit_log.actor_label', 'users.display_name', 'organisations.name as organisation_name'])
      .where('audit_log.resource_type', '=', 'case')
      .where('audit_log.resource_id', '=', input.id)
      .orderBy('audit_log.seq', 'desc')
      .limit(500)
      .execute();
    await recordAudit(tx, { action: 'case.views', resourceType: 'case', resourceId: input.id, purpose: 'oversight' });
    return {
      items: rows.map((r) => ({
        at: r.at.toISOString(),
        userName: r.display_name ?? r.actor_label,
        organisationName: r.organisation_name,
        action: r.action,
        purpose: r.purpose,
      })),
    };
  });
}
