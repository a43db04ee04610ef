import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';
import { presentOwnSignal } from './present-signal.ts';

/** The signals this user submitted, newest first, with their status only. */
export async function listMySignals(ctx: Ctx) {
  assertCan(ctx.actor, 'list-own', 'signal');
  if (!ctx.actor.userId) return { items: [] };
  const rows = await ctx.db
    .selectFrom('signals')
    .select(['id', 'number', 'channel', 'received_at', 'status'])
    .where('submitted_by_user_id', '=', ctx.actor.userId)
    .orderBy('received_at', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map(presentOwnSignal) };
}
