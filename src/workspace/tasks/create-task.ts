import crypto from 'node:crypto';
import { systemActor } from '../../access/actor.ts';
import { assertCan, can } from '../../access/can.ts';
import { loadActor } from '../../access/load-actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { sealText } from '../../cases/person.ts';
import { presentTask, selectVisibleTasks } from '../../clocks/clock-query.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, invalid } from '../../errors/catalogue.ts';
import { getProfile } from '../../profiles/load-profile.ts';
import { localDate } from '../../profiles/calendar.ts';
import { fromDayNumber, fromLocal, parseIsoDate } from '../../profiles/time-zone.ts';
import { taskAssignments } from './task-assignment.ts';
import { actorMayOpen, rolesThatSeeTasks, type CaseFacts } from './task-assignees.ts';
import { isTaskKind, manualTitleCode, TASK_DUE_HOUR, TASK_KINDS, TASK_NOTE_MAX_LENGTH } from './task-kinds.ts';

export type TaskAssigneeInput = { role: string; organisationId?: string | null } | { userId: string };

export type CreateTaskInput = { caseId: string; kind: string; assignee: TaskAssigneeInput; dueDate: string; note?: string | null };

type Assignment = { assigned_role: string; assigned_organisation_id: string | null; assigned_user_id: string | null };

/**
 * Creates a task by hand for a case (task:create), assigned to a role (in an organisation that has
 * an active referral for the case, unless the role sees every case) or to a named person who may
 * open the case and whose role sees tasks. A person's task also records their role and organisation:
 * the existing queue rules (listing, completing) keep working, and a colleague in the same role and
 * organisation can take it over when the person is away. Due at 17:00 local time on the due date.
 */
export async function createTask(ctx: Ctx, input: CreateTaskInput) {
  assertCan(ctx.actor, 'create', 'task');
  const kind = input.kind;
  if (!isTaskKind(kind)) throw invalid('body.kind', `Choose one of: ${TASK_KINDS.join(', ')}.`);
  const note = input.note?.trim() || null;
  if (note && note.length > TASK_NOTE_MAX_LENGTH) throw invalid('body.note', `At most ${TASK_NOTE_MAX_LENGTH} characters.`);
  const dueDay = parseIsoDate(input.dueDate);
  if (dueDay === undefined) throw invalid('body.dueDate', 'must be a date such as 2026-05-01.');
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    if (row.status === 'closed') throw conflict('The case is closed; reopen it before adding tasks.');
    const profile = getProfile(row.profile_id, row.profile_version);
    const now = tx.clock.now();
    if (input.dueDate < localDate(now, profile)) throw invalid('body.dueDate', 'The due date lies in the past.');
    const active = await tx.db.selectFrom('referrals').select('organisation_id').where('case_id', '=', row.id).where('status', 'in', ['requested', 'accepted']).execute();
    const facts: CaseFacts = { id: row.id, registeredByUserId: row.registered_by_user_id, activeReferralOrganisationIds: active.map((r) => r.organisation_id) };
    const assignment = await resolveAssignee(tx, input.assignee, facts);
    const id = crypto.randomUUID();
    await tx.db
      .insertInto('tasks')
      .values({
        id,
        case_id: row.id,
        signal_id: null,
        clock_id: null,
        ...assignment,
        created_by_user_id: tx.actor.userId,
        note_enc: sealText(tx.keyring, 'tasks', 'note_enc', id, note),
        title_code: manualTitleCode(kind),
        due_at: fromLocal({ ...fromDayNumber(dueDay), hour: TASK_DUE_HOUR, minute: 0, second: 0, millisecond: 0 }, profile.timezone),
        created_at: now,
        done_at: null,
        done_by_user_id: null,
        closed_by_event: null,
      })
      .execute();
    await recordAudit(tx, {
      action: 'task.create',
      resourceType: 'task',
      resourceId: id,
      purpose: 'case-work',
      details: { caseId: row.id, kind, assignedRole: assignment.assigned_role, assignedOrganisationId: assignment.assigned_organisation_id, assignedUserId: assignment.assigned_user_id, dueDate: input.dueDate },
    });
    // Presented unscoped: the creator may assign a task to a queue they do not see themselves.
    const created = await selectVisibleTasks(tx.db, systemActor('task.create')).where('tasks.id', '=', id).executeTakeFirstOrThrow();
    return { ...presentTask(created), ...(await taskAssignments(tx.db, tx.keyring, tx.actor, [id])).get(id)! };
  });
}

async function resolveAssignee(tx: Ctx, assignee: TaskAssigneeInput, facts: CaseFacts): Promise<Assignment> {
  const roles = await rolesThatSeeTasks(tx.db);
  if ('userId' in assignee) {
    const person = await loadActor(tx.db, assignee.userId);
    if (!person) throw invalid('body.assignee.userId', 'No such active user.');
    if (!can(person, 'list', 'task')) throw invalid('body.assignee.userId', "This person's role cannot see tasks.");
    if (!actorMayOpen(person, facts)) throw invalid('body.assignee.userId', 'This person may not open the case, so cannot work on it.');
    return { assigned_role: person.roleId, assigned_organisation_id: person.scope === 'all' ? null : person.organisationId, assigned_user_id: person.userId };
  }
  const role = roles.find((r) => r.id === assignee.role);
  if (!role) throw invalid('body.assignee.role', 'No such role, or the role cannot see tasks.');
  if (role.scope === 'all') {
    if (assignee.organisationId) throw invalid('body.assignee.organisationId', 'This role sees every case; its tasks have no organisation.');
    return { assigned_role: role.id, assigned_organisation_id: null, assigned_user_id: null };
  }
  if (!assignee.organisationId) throw invalid('body.assignee.organisationId', 'Choose the organisation whose team gets the task.');
  if (!facts.activeReferralOrganisationIds.includes(assignee.organisationId)) {
    throw invalid('body.assignee.organisationId', 'This organisation has no active referral for the case, so cannot work on it.');
  }
  return { assigned_role: role.id, assigned_organisation_id: assignee.organisationId, assigned_user_id: null };
}
