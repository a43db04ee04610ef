import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';

export type ClaimedJob = {
  id: number;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  uniqueKey: string | null;
};

type Row = { id: number; type: string; payload: unknown; attempts: number; max_attempts: number; run_at: Date | string; unique_key: string | null };

/**
 * Takes the oldest due job, if any, for `workerId` until now + leaseMs. FOR UPDATE SKIP LOCKED lets
 * any number of workers in any number of processes claim concurrently without taking the same job:
 * a row locked by another claimer is skipped, and once that claimer commits the row is no longer
 * 'queued'. Time comes from the injected clock so tests can move it.
 */
export async function claimJob(db: Kysely<DB>, opts: { workerId: string; leaseMs: number; clock: Clock }): Promise<ClaimedJob | null> {
  const now = opts.clock.now();
  const lockedUntil = new Date(now.getTime() + opts.leaseMs);
  const { rows } = await sql<Row>`
    update jobs
       set status = 'running', attempts = attempts + 1, locked_by = ${opts.workerId}, locked_until = ${lockedUntil}
     where id = (select id from jobs
                  where status = 'queued' and run_at <= ${now}
                  order by run_at, id
                  limit 1
                  for update skip locked)
    returning id, type, payload, attempts, max_attempts, run_at, unique_key`.execute(db);
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    type: r.type,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: new Date(r.run_at),
    uniqueKey: r.unique_key,
  };
}
