import type { Selectable } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Ctx } from '../context.ts';
import type { ClockHistoryTable } from '../db/schema.ts';
import type { Label } from '../profiles/profile-schema.ts';
import { ruleOf, type ClockRow } from './clock-rules.ts';

/** The clock's label and kind from the profile version that governs it. */
export function clockLabel(row: Pick<ClockRow, 'profile_id' | 'profile_version' | 'code'>): Label | null {
  return ruleOf(row).rule?.label ?? null;
}

export function presentClock(row: ClockRow, history: Selectable<ClockHistoryTable>[] = []) {
  return {
    id: row.id,
    code: row.code,
    label: clockLabel(row),
    kind: row.kind,
    state: row.state,
    profile: { id: row.profile_id, version: row.profile_version },
    caseId: row.case_id,
    signalId: row.signal_id,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    startedAt: row.started_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    pausedAt: row.paused_at?.toISOString() ?? null,
    pausedMs: Number(row.paused_ms),
    nextWarningAt: row.next_warning_at?.toISOString() ?? null,
    overdueAt: row.overdue_at?.toISOString() ?? null,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    history: history.map((h) => ({ at: h.at.toISOString(), what: h.what, by: h.actor_label, details: h.details as Record<string, unknown> })),
  };
}

/**
 * Tasks the actor may see: everything for a role with scope "all" (the registrar); otherwise the
 * tasks assigned to the actor's role in the actor's organisation.
 */
export function selectVisibleTasks(db: Ctx['db'], actor: Actor) {
  let q = db
    .selectFrom('tasks')
    .leftJoin('cases', 'cases.id', 'tasks.case_id')
    .leftJoin('signals', 'signals.id', 'tasks.signal_id')
    .leftJoin('clocks', 'clocks.id', 'tasks.clock_id')
    .leftJoin('organisations', 'organisations.id', 'tasks.assigned_organisation_id')
    .leftJoin('users as done_by', 'done_by.id', 'tasks.done_by_user_id')
    .select([
      'tasks.id', 'tasks.case_id', 'cases.case_number', 'tasks.signal_id', 'signals.number as signal_number', 'tasks.clock_id',
      'clocks.code as clock_code', 'clocks.profile_id', 'clocks.profile_version', 'tasks.assigned_role', 'tasks.assigned_organisation_id',
      'organisations.name as organisation_name', 'tasks.title_code', 'tasks.due_at', 'tasks.status', 'tasks.created_at', 'tasks.done_at',
      'done_by.display_name as done_by_name', 'tasks.closed_by_event',
    ]);
  if (actor.scope !== 'all') {
    // Without an organisation nothing can be assigned to the actor (tasks.id is never null).
    q = actor.organisationId
      ? q.where('tasks.assigned_role', '=', actor.roleId).where('tasks.assigned_organisation_id', '=', actor.organisationId)
      : q.where('tasks.id', 'is', null);
  }
  return q;
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectVisibleTasks>['executeTakeFirstOrThrow']>>;

export function presentTask(row: TaskRow) {
  return {
    id: row.id,
    titleCode: row.title_code,
    status: row.status,
    assignedRole: row.assigned_role,
    assignedOrganisationId: row.assigned_organisation_id,
    assignedOrganisationName: row.organisation_name,
    caseId: row.case_id,
    caseNumber: row.case_number,
    signalId: row.signal_id,
    signalNumber: row.signal_number,
    clockId: row.clock_id,
    clockCode: row.clock_code,
    clockLabel: row.clock_code && row.profile_id && row.profile_version ? clockLabel({ code: row.clock_code, profile_id: row.profile_id, profile_version: row.profile_version }) : null,
    dueAt: row.due_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    doneAt: row.done_at?.toISOString() ?? null,
    doneByName: row.done_by_name,
    closedByEvent: row.closed_by_event,
  };
}
export type PresentedTask = ReturnType<typeof presentTask>;
