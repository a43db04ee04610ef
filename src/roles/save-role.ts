import { assertCan } from '../access/can.ts';
import type { RecordScope } from '../access/actor.ts';
import { isKnownGrant } from '../access/resources.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, DomainError, notFound } from '../errors/catalogue.ts';

export type RoleInput = { name?: string; description?: string; scope?: RecordScope; seesPersonalData?: boolean; grants: string[] };

function checkGrants(grants: string[]): string[] {
  const problems = grants.map((g, i) => (isKnownGrant(g) ? null : { field: `body.grants.${i}`, problem: `"${g}" is not a known resource:action` })).filter((p) => p !== null);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'Some grants are not known.', problems);
  return [...new Set(grants)];
}

async function writeGrants(ctx: Ctx, roleId: string, grants: string[]) {
  await ctx.db.deleteFrom('role_grants').where('role_id', '=', roleId).execute();
  if (grants.length === 0) return;
  await ctx.db
    .insertInto('role_grants')
    .values(grants.map((g) => { const [resource, action] = g.split(':') as [string, string]; return { role_id: roleId, resource, action }; }))
    .execute();
}

export async function createRole(ctx: Ctx, input: RoleInput & { id: string; name: string; scope: RecordScope; seesPersonalData: boolean }) {
  assertCan(ctx.actor, 'create', 'role');
  const grants = checkGrants(input.grants);
  return inTransaction(ctx, async (tx) => {
    if (await tx.db.selectFrom('roles').select('id').where('id', '=', input.id).executeTakeFirst()) throw conflict('A role with this id already exists.', 'body.id');
    await tx.db
      .insertInto('roles')
      .values({ id: input.id, name: input.name, description: input.description ?? '', scope: input.scope, sees_personal_data: input.seesPersonalData, built_in: false })
      .execute();
    await writeGrants(tx, input.id, grants);
    await recordAudit(tx, { action: 'role.create', resourceType: 'role', resourceId: input.id, details: { scope: input.scope, grants } });
    return { id: input.id };
  });
}

/** Replaces a role's grants (and optionally its name, description and scope); effective at the next request. */
export async function updateRole(ctx: Ctx, input: RoleInput & { id: string }) {
  assertCan(ctx.actor, 'update', 'role');
  const grants = checkGrants(input.grants);
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('roles').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('No such role.');
    if (current.id === tx.actor.roleId && !grants.includes('role:update')) {
      throw new DomainError('CONFLICT', 'You cannot remove role:update from your own role; ask another administrator.');
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.scope !== undefined ? { scope: input.scope } : {}),
      ...(input.seesPersonalData !== undefined ? { sees_personal_data: input.seesPersonalData } : {}),
    };
    if (Object.keys(changes).length > 0) await tx.db.updateTable('roles').set(changes).where('id', '=', input.id).execute();
    const before = (await tx.db.selectFrom('role_grants').select(['resource', 'action']).where('role_id', '=', input.id).execute()).map((g) => `${g.resource}:${g.action}`);
    await writeGrants(tx, input.id, grants);
    await recordAudit(tx, {
      action: 'role.update',
      resourceType: 'role',
      resourceId: input.id,
      details: { added: grants.filter((g) => !before.includes(g)), removed: before.filter((g) => !grants.includes(g)), scope: input.scope },
    });
    return { id: input.id };
  });
}
