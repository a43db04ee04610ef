import { assertCan } from '../../access/can.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { outreachWorkersQuery } from './outreach-workers.ts';

/** The colleagues a cluster can be assigned to (names only: no personal data of clients, not audited). */
export async function listOutreachWorkers(ctx: Ctx) {
  assertCan(ctx.actor, 'assign', 'outreach-cluster');
  const organisationId = ctx.actor.organisationId;
  if (!organisationId) return { items: [] };
  return inTransaction(ctx, async (tx) => {
    const rows = await outreachWorkersQuery(tx.db, organisationId).execute();
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name, me: r.id === tx.actor.userId })) };
  });
}
