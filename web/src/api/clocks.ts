// Legal clocks (deadlines and periods from the jurisdiction profile) and the tasks their
// escalations create (docs/referral-mechanism.md, "Clocks"; src/http/routes/clocks.ts).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Items } from './types.ts';

/** A profile label per language ({ nl, en }); null when the profile no longer knows the code. */
export type ClockLabel = Record<string, string> | null;
export type ClockKind = 'deadline' | 'period' | 'minimum-period';
export type ClockState = 'running' | 'paused' | 'stopped' | 'expired' | 'completed';
export type ClockSubject = { type: string; id: string } | null;

export type DueClock = {
  clockId: string;
  code: string;
  label: ClockLabel;
  kind: ClockKind;
  caseId: string | null;
  caseNumber: string | null;
  signalId: string | null;
  signalNumber: string | null;
  subject: ClockSubject;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  organisationIds: (string | null)[];
};

export type OrganisationDue = { organisationId: string | null; organisationName: string | null; dueThisWeek: number; overdue: number };

export type ClockDashboard = {
  from: string;
  until: string;
  totals: { dueThisWeek: number; overdue: number };
  organisations: OrganisationDue[];
  items: DueClock[];
};

export type ClockHistoryEntry = { at: string; what: string; by: string; details: Record<string, unknown> };

export type CaseClock = {
  id: string;
  code: string;
  label: ClockLabel;
  kind: ClockKind;
  state: ClockState;
  profile: { id: string; version: string };
  caseId: string | null;
  signalId: string | null;
  subject: ClockSubject;
  startedAt: string;
  dueAt: string;
  pausedAt: string | null;
  pausedMs: number;
  nextWarningAt: string | null;
  overdueAt: string | null;
  escalatedAt: string | null;
  endedAt: string | null;
  history: ClockHistoryEntry[];
};

export type TaskStatus = 'open' | 'done';
export type TaskFilter = TaskStatus | 'all';

export type Task = {
  id: string;
  titleCode: string;
  status: TaskStatus;
  assignedRole: string | null;
  assignedOrganisationId: string | null;
  assignedOrganisationName: string | null;
  caseId: string | null;
  caseNumber: string | null;
  signalId: string | null;
  signalNumber: string | null;
  clockId: string | null;
  clockCode: string | null;
  clockLabel: ClockLabel;
  dueAt: string | null;
  createdAt: string;
  doneAt: string | null;
  doneByName: string | null;
  closedByEvent: string | null;
  /** A named person the task is assigned to (tasks made by hand, docs/case-workspace.md). */
  assignedUserId?: string | null;
  assignedUserName?: string | null;
  assignedToMe?: boolean;
  createdByName?: string | null;
  note?: string | null;
};

export const clockDashboardQuery = queryOptions({
  queryKey: ['clocks', 'dashboard'],
  queryFn: () => api<ClockDashboard>('GET', '/api/clocks/dashboard'),
});

export const caseClocksQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'clocks'],
    queryFn: () => api<Items<CaseClock>>('GET', `/api/cases/${encodeURIComponent(caseId)}/clocks`),
  });

/** Tasks with their assignee (also a named person); `mine`: only those assigned to me personally. */
export const tasksQuery = (status: TaskFilter, options: { mine?: boolean; caseId?: string } = {}) =>
  queryOptions({
    queryKey: ['tasks', status, options.mine ? 'mine' : 'all', options.caseId ?? null],
    queryFn: () => api<Items<Task>>('GET', `/api/tasks${query({ status, mine: options.mine ? 'true' : undefined, caseId: options.caseId })}`),
  });

export function completeTask(id: string): Promise<Task> {
  return api<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/complete`);
}

/** After a task is done: the task lists and the dashboard may have changed. */
export async function invalidateTasks(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['tasks'] }), queryClient.invalidateQueries({ queryKey: ['clocks'] })]);
}

/** The clock's name from the profile label in the interface language, else its code. */
export function clockName(label: ClockLabel, code: string | null, language: string): string {
  if (label) {
    const text = (language === 'en' ? label.en : label.nl) || label.nl || label.en || Object.values(label)[0];
    if (text) return text;
  }
  return code ?? '';
}
