import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';
export type ListJobsFilter = { status?: JobStatus; limit?: number };

type JobRow = {
  id: number;
  type: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  locked_by: string | null;
  locked_until: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The payload is left out: administrators see that a job failed and why, not what it carried. */
export function presentJob(r: JobRow) {
  return {
    id: Number(r.id),
    type: r.type,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: new Date(r.run_at).toISOString(),
    lockedBy: r.locked_by,
    lockedUntil: iso(r.locked_until),
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

/** The job queue for administrators: newest first, optionally one status. */
export async function listJobs(ctx: Ctx, filter: ListJobsFilter = {}) {
  assertCan(ctx.actor, 'list', 'job');
  const limit = Math.max(1, Math.min(filter.limit ?? 50, 500));
  let q = ctx.db
    .selectFrom('jobs')
    .select(['id', 'type', 'status', 'attempts', 'max_attempts', 'run_at', 'locked_by', 'locked_until', 'last_error', 'created_at', 'finished_at']);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(presentJob);
}
