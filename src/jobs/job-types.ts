import type { Ctx } from '../context.ts';

/** What a handler learns about the job it runs, besides the payload. */
export type JobMeta = { id: number; type: string; attempts: number; maxAttempts: number };

/**
 * A job handler. Delivery is at-least-once (a job whose worker dies is run again after its lease
 * expires), so handlers must be idempotent.
 */
export type JobHandler = (ctx: Ctx, payload: unknown, job: JobMeta) => Promise<void>;

export type JobHandlers = Record<string, JobHandler>;

/** A job type that is kept scheduled forever: one queued run at a time, the next `everyMs` after the last. */
export type RecurringJob = { type: string; everyMs: number };

export const recurringKey = (type: string) => `recurring:${type}`;
