import type { JobHandlers, RecurringJob } from '../jobs/job-types.ts';
import { advanceClocks } from './advance-clocks.ts';

/** The clocks' background job: advances warnings and overdue clocks every minute (see advance-clocks.ts). */
export const clockJobHandlers: JobHandlers = {
  'clocks.advance': async (ctx) => {
    await advanceClocks(ctx);
  },
};

export const clockRecurringJobs: readonly RecurringJob[] = [{ type: 'clocks.advance', everyMs: 60_000 }];
