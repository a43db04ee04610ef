import type { JobHandlers, RecurringJob } from '../../jobs/job-types.ts';

/** Jobs of outreach import: processing uploaded files and the daily purge of ads of people never contacted. */
export const outreachImportJobHandlers: JobHandlers = {};

export const outreachImportRecurringJobs: readonly RecurringJob[] = [];
