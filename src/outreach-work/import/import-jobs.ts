import type { JobHandlers, RecurringJob } from '../../jobs/job-types.ts';
import { processUpload } from './process-upload.ts';
import { purgeAds } from './purge-ads.ts';
import { IMPORT_JOB } from './upload-import.ts';

/** Jobs of outreach import: processing uploaded files and the daily purge of ads of people never contacted. */
export const outreachImportJobHandlers: JobHandlers = {
  [IMPORT_JOB]: processUpload,
  'outreach.purge': async (ctx) => {
    const run = await purgeAds(ctx, { dryRun: false });
    ctx.logger.info({ clusters: run.clusters, ads: run.ads, versions: run.versions, cutoff: run.cutoff }, 'outreach purge finished');
  },
};

export const outreachImportRecurringJobs: readonly RecurringJob[] = [{ type: 'outreach.purge', everyMs: 24 * 60 * 60 * 1000 }];
