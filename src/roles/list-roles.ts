import { assertCan } from '../access/can.ts';
import { RESOURCE_ACTIONS } from '../access/resources.ts';
import type { Ctx } from '../context.ts';

export async function listRoles(ctx: Ctx) {
  assertCan(ctx.actor, 'list', 'role');
  const roles = await ctx.db
    .selectFrom('roles as r')
    .leftJoin('users as u', 'u.role_id', 'r.id')
    .select(['r.id', 'r.name', 'r.description', 'r.scope', 'r.sees_personal_data', 'r.built_in', (eb) => eb.fn.count<number>('u.id').as('user_count')])
    .groupBy('r.id')
    .orderBy('r.built_in', 'desc')
    .orderBy('r.name')
    .execute();
  const grants = await ctx.db.selectFrom('role_grants').selectAll().orderBy('resource').orderBy('action').execute();
  return {
    items: roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      scope: r.scope,
      seesPersonalData: r.sees_personal_data,
      builtIn: r.built_in,
      grants: grants.filter((g) => g.role_id === r.id).map((g) => `${g.resource}:${g.action}`),
      userCount: Number(r.user_count),
    })),
    resources: Object.entries(RESOURCE_ACTIONS).map(([resource, actions]) => ({ resource, actions: [...actions] })),
  };
}
