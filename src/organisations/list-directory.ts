import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';

/** Active organisations to refer to (name, type, region only), optionally of one type. */
export async function listDirectory(ctx: Ctx, input: { type?: string }) {
  assertCan(ctx.actor, 'list', 'directory');
  let query = ctx.db.selectFrom('organisations').select(['id', 'name', 'type', 'region']).where('active', '=', true);
  if (input.type) query = query.where('type', '=', input.type);
  return { items: await query.orderBy('name').execute() };
}
