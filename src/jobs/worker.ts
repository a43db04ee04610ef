import { systemActor } from '../access/actor.ts';
import type { AppServices, Ctx } from '../context.ts';
import { claimJob, type ClaimedJob } from './claim-job.ts';
import { finishJob, type JobOutcome } from './finish-job.ts';
import type { JobHandlers, RecurringJob } from './job-types.ts';
import { reclaimStaleJobs } from './reclaim-stale-jobs.ts';
import { ensureRecurring } from './recurring.ts';

export type WorkerOptions = {
  services: AppServices;
  handlers: JobHandlers;
  /** Unique per worker across all instances, e.g. `${hostname}:${pid}`: it marks which jobs it holds. */
  workerId: string;
  pollMs: number;
  /** How long a claim lasts before other workers may take the job over; renewed while the job runs. */
  leaseMs?: number;
  /** Job types kept scheduled; each needs a handler. */
  recurring?: readonly RecurringJob[];
};

export type Worker = {
  readonly workerId: string;
  /** Ensures the recurring jobs exist, then polls every pollMs until stop(). */
  start(): Promise<void>;
  /** Stops polling and waits for the job in hand to finish (graceful shutdown). */
  stop(): Promise<void>;
  /** Claims and runs due jobs until none is left; returns how many ran. */
  runDue(): Promise<number>;
};

export const DEFAULT_LEASE_MS = 5 * 60_000;
// Reclaiming scans running jobs; once a minute per worker is plenty next to a lease of minutes.
const RECLAIM_EVERY_MS = 60_000;
const MAX_ERROR_LENGTH = 2000;

/** Only the message: a stack or a serialised error could carry personal data into the jobs table. */
function errorMessage(e: unknown): string {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return message.slice(0, MAX_ERROR_LENGTH);
}

export function createWorker(opts: WorkerOptions): Worker {
  const { services, handlers, workerId, pollMs } = opts;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const recurring = new Map((opts.recurring ?? []).map((r) => [r.type, r]));
  for (const type of recurring.keys()) {
    if (!Object.hasOwn(handlers, type)) throw new Error(`recurring job "${type}" has no handler`);
  }
  const log = services.logger.child({ workerId });
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let lastReclaimAt = Number.NEGATIVE_INFINITY;
  const active = new Set<Promise<unknown>>();

  async function extendLease(jobId: number): Promise<void> {
    await services.db
      .updateTable('jobs')
      .set({ locked_until: new Date(services.clock.now().getTime() + leaseMs) })
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .execute();
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const jobLog = log.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
    const handler = Object.hasOwn(handlers, job.type) ? handlers[job.type] : undefined;
    let outcome: JobOutcome;
    const started = Date.now();
    if (!handler) {
      outcome = { ok: false, permanent: true, error: `no handler for job type "${job.type}" (is this instance older than the one that enqueued it?)` };
    } else {
      const ctx: Ctx = {
        ...services,
        logger: jobLog,
        actor: systemActor(`job:${job.type}`),
        origin: { ip: null, requestId: `job:${job.id}` },
      };
      const heartbeat = setInterval(() => {
        extendLease(job.id).catch((e: unknown) => jobLog.warn({ err: errorMessage(e) }, 'could not extend job lease'));
      }, Math.max(1000, Math.floor(leaseMs / 3)));
      heartbeat.unref();
      try {
        await handler(ctx, job.payload, { id: job.id, type: job.type, attempts: job.attempts, maxAttempts: job.maxAttempts });
        outcome = { ok: true };
      } catch (e) {
        outcome = { ok: false, error: errorMessage(e) };
      } finally {
        clearInterval(heartbeat);
      }
    }
    const status = await finishJob(services.db, job, { workerId, clock: services.clock, outcome, recurring: recurring.get(job.type) });
    const fields = { status, durationMs: Date.now() - started };
    if (outcome.ok) jobLog.info(fields, 'job done');
    else if (status === 'dead') jobLog.error({ ...fields, err: outcome.error }, 'job failed for good (dead-lettered)');
    else jobLog.warn({ ...fields, err: outcome.error }, 'job failed');
    if (status === 'lost') jobLog.warn('job lease was lost while running; another worker may run it again');
  }

  async function drain(): Promise<number> {
    const now = services.clock.now().getTime();
    if (now - lastReclaimAt >= RECLAIM_EVERY_MS) {
      lastReclaimAt = now;
      const reclaimed = await reclaimStaleJobs(services.db, services.clock);
      if (reclaimed > 0) log.warn({ reclaimed }, 'reclaimed jobs whose worker stopped');
    }
    let count = 0;
    while (!stopping) {
      const job = await claimJob(services.db, { workerId, leaseMs, clock: services.clock });
      if (!job) break;
      await runOne(job);
      count++;
    }
    return count;
  }

  function runDue(): Promise<number> {
    const p = drain();
    active.add(p);
    const forget = () => active.delete(p);
    p.then(forget, forget);
    return p;
  }

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, pollMs);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  return {
    workerId,
    runDue,
    async start() {
      if (loop) return;
      stopping = false;
      for (const r of recurring.values()) await ensureRecurring(services.db, services.clock, r.type, r.everyMs);
      loop = (async () => {
        while (!stopping) {
          try {
            await runDue();
          } catch (e) {
            // The database may be briefly unreachable; keep polling rather than dying.
            log.error({ err: errorMessage(e) }, 'job polling failed');
          }
          if (!stopping) await sleep();
        }
      })();
      log.info({ pollMs, recurring: [...recurring.keys()] }, 'job worker started');
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      await Promise.allSettled(active);
      loop = null;
      log.info('job worker stopped');
    },
  };
}
