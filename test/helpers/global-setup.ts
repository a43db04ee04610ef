import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';

/**
 * Migrates one template database per run: a PGlite data folder on disk, or a template database on
 * the PostgreSQL server named by DATABASE_URL. Each test file then starts from a copy of it.
 */
export default async function setup(project: { provide: (k: string, v: string) => void }) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) {
    const name = `baken_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = withDatabase(process.env.DATABASE_URL, name);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
    await migrateToLatest(db);
    await db.destroy();
    project.provide('templateDatabase', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = path.resolve('.tmp', `tpl-${runId}`);
  fs.mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  await database.close();
  project.provide('templateDataDir', dir);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    templateDataDir: string;
  }
}
