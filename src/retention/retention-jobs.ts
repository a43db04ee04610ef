import type { JobHandlers, RecurringJob } from '../jobs/job-types.ts';
import { runRetention } from './run-retention.ts';

/**
 * The retention job: once a day, deletes and anonymises what the profiles' retention periods say
 * (run-retention.ts). Failures of single records are in the run's report (and the audit entry), not
 * thrown: a retry of the whole run would only redo the records that already worked (a no-op) and
 * fail the same way on the rest.
 */
export const retentionJobHandlers: JobHandlers = {
  'retention.apply': async (ctx) => {
    const run = await runRetention(ctx, { dryRun: false });
    ctx.logger.info({ runId: run.id, totals: run.report?.totals }, 'retention run finished');
  },
};

export const retentionRecurringJobs: readonly RecurringJob[] = [{ type: 'retention.apply', everyMs: 24 * 60 * 60 * 1000 }];
