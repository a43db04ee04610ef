import type { Actor } from '../../access/actor.ts';
import { openText } from '../../cases/person.ts';
import type { Ctx } from '../../context.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import { mayReadFreeText } from '../visibility.ts';

export type TaskAssignment = {
  assignedUserId: string | null;
  assignedUserName: string | null;
  assignedToMe: boolean;
  createdByName: string | null;
  /** The encrypted note of a hand-made task, for viewers who may read free text. */
  note: string | null;
};

/** The person-assignment facts of tasks (added in the workspace migration), by task id. */
export async function taskAssignments(db: Ctx['db'], keyring: Keyring, viewer: Actor, ids: readonly string[]): Promise<Map<string, TaskAssignment>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assigned_user_id')
    .leftJoin('users as creator', 'creator.id', 'tasks.created_by_user_id')
    .select(['tasks.id', 'tasks.assigned_user_id', 'assignee.display_name as assignee_name', 'creator.display_name as creator_name', 'tasks.note_enc'])
    .where('tasks.id', 'in', [...ids])
    .execute();
  const freeText = mayReadFreeText(viewer);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        assignedUserId: r.assigned_user_id,
        assignedUserName: r.assignee_name,
        assignedToMe: r.assigned_user_id !== null && r.assigned_user_id === viewer.userId,
        createdByName: r.creator_name,
        note: freeText ? openText(keyring, 'tasks', 'note_enc', r.id, r.note_enc) : null,
      },
    ]),
  );
}
