import type { JobHandlers, RecurringJob } from '../../jobs/job-types.ts';

/** Jobs of outreach contact: delivering queued messages through the configured provider. */
export const outreachContactJobHandlers: JobHandlers = {};

export const outreachContactRecurringJobs: readonly RecurringJob[] = [];
