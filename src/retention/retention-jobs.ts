import type { JobHandlers, RecurringJob } from '../jobs/job-types.ts';

/** The retention job (deletion and anonymisation when the profile's periods end). */
export const retentionJobHandlers: JobHandlers = {};

export const retentionRecurringJobs: readonly RecurringJob[] = [];
