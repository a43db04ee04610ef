import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { peopleForCase, rolesThatSeeTasks } from './task-assignees.ts';

/** Who a new task for this case can go to: roles (with the organisations involved) and named people. */
export async function listTaskAssignees(ctx: Ctx, input: { caseId: string }) {
  assertCan(ctx.actor, 'create', 'task');
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read');
    const referred = await tx.db
      .selectFrom('referrals')
      .innerJoin('organisations', 'organisations.id', 'referrals.organisation_id')
      .select(['organisations.id', 'organisations.name'])
      .where('referrals.case_id', '=', row.id)
      .where('referrals.status', 'in', ['requested', 'accepted'])
      .distinct()
      .orderBy('organisations.name')
      .execute();
    const roles = await rolesThatSeeTasks(tx.db);
    const people = await peopleForCase(tx.db, { id: row.id, registeredByUserId: row.registered_by_user_id, activeReferralOrganisationIds: referred.map((o) => o.id) });
    await recordAudit(tx, { action: 'task.assignees', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { people: people.length } });
    return {
      roles: roles.map((r) => ({ id: r.id, name: r.name, needsOrganisation: r.scope !== 'all' })),
      organisations: referred.map((o) => ({ id: o.id, name: o.name })),
      people: people.map((p) => ({ id: p.id, name: p.display_name, organisationName: p.organisation_name, roleId: p.role_id, roleName: p.role_name })),
    };
  });
}
