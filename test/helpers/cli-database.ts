import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './test-db.ts';

const run = promisify(execFile);

export type CliResult = { code: number; stdout: string; stderr: string };

export type CliDatabase = {
  /** The data folder the CLI runs with (its PGlite database, when not on PostgreSQL). */
  dataDir: string;
  database: TestDatabase;
  /** Runs `baken ...` as a separate process against this database. */
  baken(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** The database from this process; PGlite allows one process per data folder, so it is open only during `fn`. */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** A migrated test database that `baken` commands can open from a child process. */
export async function cliDatabase(prefix: string, timeoutMs = 60_000): Promise<CliDatabase> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `baken-${prefix}-`));
  if (!onPostgres()) {
    await database.db.destroy();
    fs.cpSync(path.join(database.dataDir!, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  }
  return {
    dataDir,
    database,
    async baken(args, extra = {}) {
      const env = { ...process.env, BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...extra } as NodeJS.ProcessEnv;
      if (onPostgres()) env.DATABASE_URL = database.url!;
      else delete env.DATABASE_URL;
      try {
        const { stdout, stderr } = await run('node', ['bin/baken.mjs', ...args], { env, timeout: timeoutMs });
        return { code: 0, stdout, stderr };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, stdout: err.stdout, stderr: err.stderr };
      }
    },
    async withDb(fn) {
      if (onPostgres()) return fn(database);
      const db = await openDatabase({ dataDir });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async close() {
      if (onPostgres()) await database.close();
      else fs.rmSync(database.dataDir!, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
