import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { invalid } from '../errors/catalogue.ts';

export type EnqueueJobOptions = {
  type: string;
  /** Identifiers rather than personal data: payloads are visible to administrators and in backups. */
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is queued or running, enqueueing another one is a no-op. */
  uniqueKey?: string | null;
};

/**
 * Adds a job to the queue. Pass a transaction as `db` to enqueue atomically with the change that
 * caused it. Returns the new id, or null when a job with the same uniqueKey is already pending.
 */
export async function enqueueJob(db: Kysely<DB>, opts: EnqueueJobOptions, clock: Clock): Promise<{ id: number } | null> {
  if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(opts.type)) throw invalid('type', 'must be a lower-case job type such as "sessions.purge"');
  const maxAttempts = opts.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) throw invalid('maxAttempts', 'must be an integer from 1 to 100');
  const now = clock.now();
  const row = await db
    .insertInto('jobs')
    .values({
      type: opts.type,
      payload: JSON.stringify(opts.payload ?? {}),
      run_at: opts.runAt ?? now,
      max_attempts: maxAttempts,
      unique_key: opts.uniqueKey ?? null,
      created_at: now,
    })
    // The conflict target must repeat the partial index's predicate (jobs_unique_key) to infer it.
    .onConflict((oc) => oc.column('unique_key').where(sql<boolean>`unique_key is not null and status in ('queued', 'running')`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: Number(row.id) } : null;
}
