import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { presentTask, selectVisibleTasks } from './clock-query.ts';

const LIMIT = 500;

/** The tasks the viewer may see (see selectVisibleTasks), open ones by default, soonest due first. */
export async function listTasks(ctx: Ctx, input: { status?: 'open' | 'done' | 'all' } = {}) {
  assertCan(ctx.actor, 'list', 'task');
  const status = input.status ?? 'open';
  return inTransaction(ctx, async (tx) => {
    let q = selectVisibleTasks(tx.db, tx.actor);
    if (status !== 'all') q = q.where('tasks.status', '=', status);
    const rows = await q.orderBy('tasks.due_at').orderBy('tasks.created_at').orderBy('tasks.id').limit(LIMIT).execute();
    await recordAudit(tx, { action: 'task.list', resourceType: 'task', purpose: 'case-work', details: { status, count: rows.length } });
    return { items: rows.map(presentTask) };
  });
}
