import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { invalid } from '../errors/catalogue.ts';
import { enqueueJob } from './enqueue-job.ts';
import { recurringKey, type RecurringJob } from './job-types.ts';

/**
 * Makes sure a recurring job type has its one pending run (uniqueKey `recurring:<type>`), first due
 * now. Safe to call at every start-up of every instance: when a run is already queued or running
 * this is a no-op, except that a queued run further away than `everyMs` (the interval was shortened
 * in a new release) is pulled in.
 */
export async function ensureRecurring(db: Kysely<DB>, clock: Clock, type: string, everyMs: number): Promise<{ enqueued: boolean }> {
  if (!Number.isInteger(everyMs) || everyMs < 1000) throw invalid('everyMs', 'must be at least 1000 ms');
  const job = await enqueueJob(db, { type, uniqueKey: recurringKey(type) }, clock);
  if (job) return { enqueued: true };
  const latest = new Date(clock.now().getTime() + everyMs);
  await db
    .updateTable('jobs')
    .set({ run_at: latest })
    .where('unique_key', '=', recurringKey(type))
    .where('status', '=', 'queued')
    .where('run_at', '>', latest)
    .execute();
  return { enqueued: false };
}

/** Enqueues the run after the one that just finished. Called by the worker inside its finishing transaction. */
export async function scheduleNextRun(db: Kysely<DB>, clock: Clock, def: RecurringJob): Promise<void> {
  await enqueueJob(db, { type: def.type, uniqueKey: recurringKey(def.type), runAt: new Date(clock.now().getTime() + def.everyMs) }, clock);
}
