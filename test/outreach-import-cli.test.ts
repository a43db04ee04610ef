import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';

const run = promisify(execFile);
let database: TestDatabase;
let dataDir: string;
let file: string;

async function baken(args: string[]) {
  const env = { ...process.env, BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'error' } as NodeJS.ProcessEnv;
  if (onPostgres()) env.DATABASE_URL = database.url!;
  else delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('node', ['bin/baken.mjs', ...args], { env, timeout: 120_000 });
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-outreach-cli-'));
  if (!onPostgres()) {
    await database.db.destroy();
    fs.cpSync(path.join(database.dataDir!, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  }
  file = path.join(dataDir, 'ads.jsonl');
  await generateCorpus({ ads: 40, seed: 'cli', out: file, truth: path.join(dataDir, 'truth.jsonl') });
  fs.appendFileSync(file, '{"id": 7}\n');
});
afterAll(async () => {
  if (onPostgres()) await database.close();
  else fs.rmSync(database.dataDir!, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('baken outreach import and purge', () => {
  it('imports a file directly, idempotently, as the system actor "cli"', async () => {
    const first = await baken(['outreach', 'import', file]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Import [0-9a-f-]{36} done: ads\.jsonl \([\d.]+ KiB, 41 lines\)\n {2}40 new, 0 changed, 0 unchanged; \d+ cluster update\(s\); 1 malformed line\(s\) skipped\n {2}line 41: "id" must be a non-empty string\n$/);
    const second = await baken(['outreach', 'import', file, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ channel: 'cli', status: 'done', startedBy: 'cli', lines: 41, created: 0, unchanged: 40, malformed: 1, problems: [{ line: 41, message: '"id" must be a non-empty string' }] });
    const missing = await baken(['outreach', 'import', path.join(dataDir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^baken outreach import: .*nope\.jsonl/);
    await withDb(async (db) => {
      const runs = await db.db.selectFrom('outreach_imports').select(['channel', 'started_by_label', 'status', 'created']).orderBy('created_at').execute();
      expect(runs).toEqual([
        { channel: 'cli', started_by_label: 'cli', status: 'done', created: 40 },
        { channel: 'cli', started_by_label: 'cli', status: 'done', created: 0 },
      ]);
      expect(Number((await db.db.selectFrom('outreach_ads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(40);
    });
  });

  it('purges nothing that is still within the retention period', async () => {
    const dry = await baken(['outreach', 'purge', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run \(nothing changed\): would delete 0 cluster\(s\), 0 ad\(s\) and 0 ad version\(s\) last seen before \S+ \(retention 90 days\)/);
    const real = await baken(['outreach', 'purge', '--json']);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, clusters: 0, ads: 0, versions: 0, retentionDays: 90 });
    await withDb(async (db) => {
      const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', 'like', 'outreach-ad.purge%').orderBy('seq').execute();
      expect(audit).toEqual([{ action: 'outreach-ad.purge-dry-run', actor_label: 'cli' }, { action: 'outreach-ad.purge', actor_label: 'cli' }]);
    });
  });
});
