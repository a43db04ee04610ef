import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, notFound } from '../errors/catalogue.ts';
import { presentTask, selectVisibleTasks } from './clock-query.ts';

/** Marks a task done. A task the viewer may not see answers 404, exactly like a missing one. */
export async function completeTask(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'complete', 'task');
  return inTransaction(ctx, async (tx) => {
    const visible = await selectVisibleTasks(tx.db, tx.actor).where('tasks.id', '=', input.id).executeTakeFirst();
    if (!visible) throw notFound();
    // Lock, then check: of two simultaneous completions exactly one wins.
    const task = await tx.db.selectFrom('tasks').select(['id', 'status', 'case_id']).where('id', '=', input.id).forUpdate().executeTakeFirstOrThrow();
    if (task.status !== 'open') throw conflict('This task is already done.');
    await tx.db.updateTable('tasks').set({ status: 'done', done_at: tx.clock.now(), done_by_user_id: tx.actor.userId }).where('id', '=', task.id).execute();
    await recordAudit(tx, { action: 'task.complete', resourceType: 'task', resourceId: task.id, purpose: 'case-work', details: { caseId: task.case_id } });
    return presentTask(await selectVisibleTasks(tx.db, tx.actor).where('tasks.id', '=', task.id).executeTakeFirstOrThrow());
  });
}
