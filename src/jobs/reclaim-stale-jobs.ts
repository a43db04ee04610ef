import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';

/**
 * A 'running' job whose lease has expired belongs to a worker that died (or hung) mid-job: put it
 * back in the queue. The attempt it used counts, so a job that keeps killing its worker ends up
 * dead-lettered instead of looping forever. Returns how many jobs were reclaimed.
 */
export async function reclaimStaleJobs(db: Kysely<DB>, clock: Clock): Promise<number> {
  const now = clock.now();
  const result = await sql`
    update jobs
       set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
           finished_at = case when attempts >= max_attempts then ${now}::timestamptz end,
           run_at = ${now}::timestamptz,
           locked_by = null,
           locked_until = null,
           last_error = 'lease expired: the worker stopped while running the job'
     where status = 'running' and locked_until < ${now}::timestamptz`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
