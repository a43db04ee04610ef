import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';
import { presentOrganisation } from './present-organisation.ts';

export async function listOrganisations(ctx: Ctx) {
  assertCan(ctx.actor, 'list', 'organisation');
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .leftJoin('users as u', 'u.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 'o.type', 'o.region', 'o.active', 'o.created_at', (eb) => eb.fn.count<number>('u.id').as('user_count')])
    .groupBy('o.id')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => presentOrganisation(r, Number(r.user_count)));
}
