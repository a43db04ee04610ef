import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { withDatabase } from './global-setup.ts';

export type TestDatabase = Database & {
  /** The DATABASE_URL of this test database (PostgreSQL only), for a second "app instance". */
  url: string | null;
  /** The data folder (PGlite only). */
  dataDir: string | null;
};

/**
 * A fresh, migrated database for one test file: a copy of the run's template (PGlite folder copy,
 * or CREATE DATABASE ... TEMPLATE on PostgreSQL). Close it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(5).toString('hex');
  if (process.env.DATABASE_URL) {
    const name = `baken_t_${suffix}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
    await admin.end();
    const url = withDatabase(process.env.DATABASE_URL, name);
    const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
    return {
      ...database,
      url,
      dataDir: null,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-test-'));
  fs.cpSync(inject('templateDataDir'), dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  return {
    ...database,
    url: null,
    dataDir,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
