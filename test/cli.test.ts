import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record-audit.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { testContext } from './helpers/test-context.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';

const run = promisify(execFile);
let database: TestDatabase;
let dataDir: string;

/** Runs `baken ...` as a separate process against this file's database. */
async function baken(args: string[], env: Record<string, string> = {}) {
  const fullEnv = { ...process.env, BAKEN_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env } as NodeJS.ProcessEnv;
  if (onPostgres()) fullEnv.DATABASE_URL = database.url!;
  else delete fullEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('node', ['bin/baken.mjs', ...args], { env: fullEnv, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** PGlite allows one process per data folder: close ours while the CLI runs. */
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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-cli-'));
  if (!onPostgres()) {
    await database.db.destroy();
    fs.cpSync(path.join(database.dataDir!, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  }
  await withDb(async (db) => {
    const ctx = testContext({ ...database, ...db });
    for (let i = 0; i < 5; i++) await recordAudit(ctx, { action: 'cli-test.write', resourceType: 'thing', resourceId: String(i) });
  });
});
afterAll(async () => {
  if (onPostgres()) await database.close();
  else fs.rmSync(database.dataDir!, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('baken CLI', () => {
  it('lists its commands', async () => {
    const { code, stdout } = await baken(['--help']);
    expect(code).toBe(0);
    for (const c of ['serve', 'migrate', 'demo', 'user', 'backup', 'restore', 'keys', 'audit']) expect(stdout).toContain(c);
  });

  it('reports bad configuration with every problem and exit code 1', async () => {
    const { code, stderr } = await baken(['migrate'], { PORT: 'x', BAKEN_REQUIRE_2FA: 'maybe' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('BAKEN_REQUIRE_2FA');
  });

  it('verifies the audit chain and fails once an entry is altered', async () => {
    const ok = await baken(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK: \d+ audit entries/);
    await withDb(async ({ db }) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
      await sql`update audit_log set resource_id = 'changed' where seq = 3`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    });
    const broken = await baken(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('entry 3: content was altered');
  });

  it('creates a user and its organisation, and refuses a duplicate', async () => {
    const first = await baken(['user', 'create', '--email', 'boot@test.example', '--name', 'Boot Admin', '--role', 'administrator', '--organisation', 'CLI Org', '--organisation-type', 'registrar']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Initial password \(shown once\): \S{16,}/);
    const again = await baken(['user', 'create', '--email', 'boot@test.example', '--name', 'Boot Admin', '--role', 'administrator', '--organisation', 'CLI Org']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const count = await withDb(async ({ db }) => db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('email', '=', 'boot@test.example').executeTakeFirstOrThrow());
    expect(Number(count.n)).toBe(1);
  });
});
