import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';

/**
 * The database seam: the ONE place that decides between the embedded PGlite and a PostgreSQL
 * server. Everything else sees a Kysely<DB> and writes one SQL dialect.
 */
export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Whether this database has no Baken tables yet (decided before migrating). */
  close(): Promise<void>;
};

// Bigints in Baken are counters and sequence ids far below 2^53: read them as numbers on both engines
// (PGlite already does).
pg.types.setTypeParser(20, (v) => Number(v));
// Calendar days (`date`) have no time zone: read them as 'YYYY-MM-DD' strings on both engines, never
// as a Date at local midnight that shifts a day in another time zone.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);
const pgliteParsers = { [DATE_OID]: (v: string) => v };

export type OpenOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number; onIdleError?: (err: Error) => void };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that the server ends (restart, failover, admin shutdown) is dropped by the
    // pool, which opens a new one on next use; without a listener the 'error' event would kill the process.
    pool.on('error', (err) => opts.onIdleError?.(err));
    // Surface a wrong URL at start-up rather than at the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let pglite;
  if (opts.dataDir === undefined || opts.dataDir === 'memory://') {
    pglite = await PGlite.create({ parsers: pgliteParsers });
  } else {
    const dir = path.join(opts.dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir, { parsers: pgliteParsers });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
