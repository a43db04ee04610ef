import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from './access/actor.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { DB } from './db/schema.ts';

/** Where a request came from, for the audit trail. */
export type Origin = { ip: string | null; requestId: string | null; userAgent?: string | null };

/** Everything an operation needs, passed explicitly: no globals, no DI container. */
export type Ctx = {
  db: Kysely<DB> | Transaction<DB>;
  actor: Actor;
  clock: Clock;
  keyring: Keyring;
  config: Config;
  logger: Logger;
  origin: Origin;
};

/** The process-wide part of a context, from which per-request and per-job contexts are made. */
export type AppServices = Omit<Ctx, 'actor' | 'origin'> & { db: Kysely<DB> };

/** Runs `fn` in a transaction, or inside the caller's transaction when there already is one. */
export async function inTransaction<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
