import { queryOptions } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { AdminUser, AuditPage, Items, Organisation, RolesResponse } from './types.ts';

export const organisationsQuery = queryOptions({
  queryKey: ['admin', 'organisations'],
  queryFn: () => api<Items<Organisation>>('GET', '/api/admin/organisations'),
});

export const rolesQuery = queryOptions({
  queryKey: ['admin', 'roles'],
  queryFn: () => api<RolesResponse>('GET', '/api/admin/roles'),
});

export type UserFilter = { organisationId: string; q: string };
export const usersQuery = (filter: UserFilter) =>
  queryOptions({
    queryKey: ['admin', 'users', filter],
    queryFn: () => api<Items<AdminUser>>('GET', `/api/admin/users${query(filter)}`),
  });

export type AuditFilter = {
  action: string;
  resourceType: string;
  resourceId: string;
  actorUserId: string;
  outcome: string;
  from: string;
  to: string;
};

export const AUDIT_PAGE_SIZE = 50;

export function fetchAuditPage(filter: AuditFilter, before: number | null): Promise<AuditPage> {
  return api<AuditPage>(
    'GET',
    `/api/admin/audit${query({
      action: filter.action.trim(),
      resourceType: filter.resourceType.trim(),
      resourceId: filter.resourceId.trim(),
      actorUserId: filter.actorUserId.trim(),
      outcome: filter.outcome,
      from: dayStart(filter.from),
      to: dayEnd(filter.to),
      before,
      limit: AUDIT_PAGE_SIZE,
    })}`,
  );
}

/** A date from an <input type="date"> (local day) as the ISO instant its day starts or ends. */
function dayStart(date: string): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T00:00:00`);
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

function dayEnd(date: string): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

export type Job = {
  id: number;
  type: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export const jobsQuery = (status: string) =>
  queryOptions({
    queryKey: ['admin', 'jobs', status],
    queryFn: () => api<Items<Job>>('GET', `/api/admin/jobs${query({ status: status || undefined, limit: 200 })}`),
  });
