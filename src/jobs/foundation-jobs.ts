import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import type { JobHandlers, RecurringJob } from './job-types.ts';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;
/** Ended sessions are kept a week so "signed in from ..." questions can still be answered. */
export const SESSION_RETENTION_MS = 7 * DAY_MS;
export const DONE_JOB_RETENTION_MS = 7 * DAY_MS;
/** Dead jobs wait longer: someone has to look at why they failed. */
export const DEAD_JOB_RETENTION_MS = 30 * DAY_MS;

async function purgeSessions(ctx: Ctx): Promise<void> {
  const cutoff = new Date(ctx.clock.now().getTime() - SESSION_RETENTION_MS);
  const result = await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows);
  ctx.logger.info({ deleted }, 'purged ended sessions');
  // Removing session records (with IP addresses) is a retention decision worth a trail entry, but
  // an empty hourly run is not.
  if (deleted > 0) {
    await recordAudit(ctx, { action: 'sessions.purge', resourceType: 'session', purpose: 'retention', details: { deleted, before: cutoff.toISOString() } });
  }
}

/** Keeps the jobs table (scanned when reclaiming and listing) from growing without bound. */
async function purgeJobs(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now().getTime();
  const result = await ctx.db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'done'), eb('finished_at', '<', new Date(now - DONE_JOB_RETENTION_MS))]),
        eb.and([eb('status', '=', 'dead'), eb('finished_at', '<', new Date(now - DEAD_JOB_RETENTION_MS))]),
      ]),
    )
    .executeTakeFirst();
  ctx.logger.info({ deleted: Number(result.numDeletedRows) }, 'purged finished jobs');
}

/** The handlers of the foundation's own jobs; capabilities add theirs next to these. */
export const foundationJobHandlers: JobHandlers = {
  'sessions.purge': purgeSessions,
  'jobs.purge': purgeJobs,
};

export const foundationRecurringJobs: readonly RecurringJob[] = [
  { type: 'sessions.purge', everyMs: HOUR_MS },
  { type: 'jobs.purge', everyMs: DAY_MS },
];
