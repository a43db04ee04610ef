import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';

const run = promisify(execFile);
let database: TestDatabase;
let dataDir: string;

async function baken(args: string[]) {
  const env = { ...process.env, BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'error' } as NodeJS.ProcessEnv;
  if (onPostgres()) env.DATABASE_URL = database.url!;
  else delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('node', ['bin/baken.mjs', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** PGlite allows one process per data folder: ours stays closed while the CLI runs. */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (onPostgres()) return fn(database);
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-retention-cli-'));
  if (!onPostgres()) {
    await database.db.destroy();
    fs.cpSync(path.join(database.dataDir!, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  }
});
afterAll(async () => {
  if (onPostgres()) await database.close();
  else fs.rmSync(database.dataDir!, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('baken retention run', () => {
  it('stores a dry run report and an audit entry under the label "cli"', async () => {
    const dry = await baken(['retention', 'run', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Retention dry run \(nothing changed\) [0-9a-f-]{36} as of .*:\n {2}nothing is due\./);
    const json = await baken(['retention', 'run', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ dryRun: false, startedBy: 'cli', report: { version: 1, dryRun: false, items: [], totals: { records: 0, failures: 0 } } });
    await withDb(async (db) => {
      const runs = await db.db.selectFrom('retention_runs').select(['dry_run', 'actor_label', 'finished_at']).orderBy('started_at').execute();
      expect(runs.map((r) => [r.dry_run, r.actor_label, r.finished_at !== null])).toEqual([[true, 'cli', true], [false, 'cli', true]]);
      const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_label', 'purpose']).where('resource_type', '=', 'retention').orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'retention.dry-run', actor_label: 'cli', purpose: 'retention' },
        { action: 'retention.run', actor_label: 'cli', purpose: 'retention' },
      ]);
    });
  });
});
