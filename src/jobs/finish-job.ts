import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import type { ClaimedJob } from './claim-job.ts';
import type { RecurringJob } from './job-types.ts';
import { scheduleNextRun } from './recurring.ts';

export type JobOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean };
export type FinishedStatus = 'done' | 'queued' | 'dead' | 'lost';

const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Exponential backoff: 20 s after the first failure, then 40 s, 80 s ... at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * BASE_DELAY_MS, MAX_DELAY_MS);
}

/**
 * Records how a claimed job ended: done, back to the queue after a backoff, or dead-lettered when
 * its attempts are used up (or the failure is permanent). A recurring job's next run is enqueued in
 * the same transaction, so there is never a moment with zero or two pending runs.
 * Returns 'lost' when this worker no longer holds the job (its lease expired and it was reclaimed).
 */
export async function finishJob(
  db: Kysely<DB>,
  job: ClaimedJob,
  opts: { workerId: string; clock: Clock; outcome: JobOutcome; recurring?: RecurringJob },
): Promise<FinishedStatus> {
  const { outcome, clock } = opts;
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const status = outcome.ok ? 'done' : outcome.permanent || job.attempts >= job.maxAttempts ? 'dead' : 'queued';
    const result = await trx
      .updateTable('jobs')
      .set({
        status,
        locked_by: null,
        locked_until: null,
        finished_at: status === 'queued' ? null : now,
        ...(status === 'queued' ? { run_at: new Date(now.getTime() + retryDelayMs(job.attempts)) } : {}),
        // A success keeps the error of an earlier attempt: useful when diagnosing flaky jobs.
        ...(outcome.ok ? {} : { last_error: outcome.error }),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', opts.workerId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return 'lost';
    // A dead run is rescheduled too: one bad run must not stop housekeeping for good.
    if (opts.recurring && status !== 'queued') await scheduleNextRun(trx, clock, opts.recurring);
    return status;
  });
}
