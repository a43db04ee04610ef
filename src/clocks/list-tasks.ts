import { systemActor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { taskAssignments } from '../workspace/tasks/task-assignment.ts';
import { presentTask, selectVisibleTasks, type TaskRow } from './clock-query.ts';

const LIMIT = 500;

export type ListTasksInput = {
  status?: 'open' | 'done' | 'all';
  /** Only the tasks assigned to the viewer personally. */
  mine?: boolean;
  caseId?: string;
};

/**
 * The tasks the viewer may see (see selectVisibleTasks), plus the tasks assigned to the viewer
 * personally (also after a change of role or organisation), open ones by default, soonest due first.
 * Each task says who it is assigned to and, for hand-made tasks, carries its note.
 */
export async function listTasks(ctx: Ctx, input: ListTasksInput = {}) {
  assertCan(ctx.actor, 'list', 'task');
  const status = input.status ?? 'open';
  return inTransaction(ctx, async (tx) => {
    const userId = tx.actor.userId;
    const filter = <Q extends ReturnType<typeof selectVisibleTasks>>(q: Q) => {
      let r = q;
      if (status !== 'all') r = r.where('tasks.status', '=', status) as Q;
      if (input.caseId) r = r.where('tasks.case_id', '=', input.caseId) as Q;
      if (input.mine) r = (userId ? r.where('tasks.assigned_user_id', '=', userId) : r.where('tasks.id', 'is', null)) as Q;
      return r.orderBy('tasks.due_at').orderBy('tasks.created_at').orderBy('tasks.id').limit(LIMIT) as Q;
    };
    let rows: TaskRow[] = await filter(selectVisibleTasks(tx.db, tx.actor)).execute();
    if (userId && tx.actor.scope !== 'all') {
      const personal = await filter(selectVisibleTasks(tx.db, systemActor('tasks')).where('tasks.assigned_user_id', '=', userId)).execute();
      const seen = new Set(rows.map((r) => r.id));
      rows = [...rows, ...personal.filter((r) => !seen.has(r.id))].sort(byDue).slice(0, LIMIT);
    }
    await recordAudit(tx, { action: 'task.list', resourceType: 'task', purpose: 'case-work', details: { status, count: rows.length, mine: input.mine ?? false, caseId: input.caseId ?? null } });
    const assignments = await taskAssignments(tx.db, tx.keyring, tx.actor, rows.map((r) => r.id));
    return { items: rows.map((r) => ({ ...presentTask(r), ...assignments.get(r.id)! })) };
  });
}

const time = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
function byDue(a: TaskRow, b: TaskRow): number {
  return time(a.due_at) - time(b.due_at) || a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
