import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record-audit.ts';
import { verifyAuditChain } from '../src/audit/verify-audit-chain.ts';
import { BackupError, type BackupHeader, type BackupProgress } from '../src/backup/backup-format.ts';
import { createBackup } from '../src/backup/create-backup.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import type { FakeClock } from '../src/clock.ts';
import type { AppServices, Ctx } from '../src/context.ts';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { encryptField } from '../src/crypto/envelope.ts';
import type { DB } from '../src/db/schema.ts';
import { readFile } from '../src/files/read-file.ts';
import { storeFile } from '../src/files/store-file.ts';
import { enqueueJob } from '../src/jobs/enqueue-job.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { testContext, testKeyring } from './helpers/test-context.ts';

let source: TestDatabase;
let target: TestDatabase;
let dir: string;
let src: Ctx & { clock: FakeClock };
let dst: Ctx;
const keyring = testKeyring(); // the operator copies the key file to the new installation
const storedFiles = new Map<string, Buffer>();

const servicesOf = (ctx: Ctx, db: Kysely<DB>): AppServices => {
  const { actor: _a, origin: _o, ...rest } = ctx;
  return { ...rest, db };
};

// A table outside the migrations, as a later capability might add: it must be discovered, ordered
// after its parent, and its awkward types must survive exactly.
const PROBE_DDL = `create table backup_probe (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references organisations(id),
  data bytea, amount numeric, big bigint, at timestamptz, doc jsonb, tags text[], x text,
  doubled numeric generated always as (amount * 2) stored)`;

async function populate(): Promise<void> {
  const db = source.db;
  const orgs = await db
    .insertInto('organisations')
    .values([{ name: 'Politie Oost', type: 'police', region: 'Oost' }, { name: 'Stichting Hulp ✓', type: 'ngo' }])
    .returning('id')
    .execute();
  for (let i = 0; i < 3; i++) {
    const user = await db
      .insertInto('users')
      .values({ organisation_id: orgs[i % 2]!.id, role_id: 'registrar', email: `b${i}@example.org`, display_name: `Gebruiker ${i}`, password_hash: '$argon2id$x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('users').set({ totp_secret: encryptField(keyring, `SECRET${i}`, columnAad('users', 'totp_secret', user.id)) }).where('id', '=', user.id).execute();
    await db.insertInto('recovery_codes').values({ user_id: user.id, code_hash: `h${i}` }).execute();
    const t = new Date('2026-01-05T08:00:00.123Z');
    await db
      .insertInto('sessions')
      .values({ token_hash: `tok${i}`, user_id: user.id, stage: 'full', csrf_token: 'c', created_at: t, last_seen_at: t, expires_at: t, ip: '10.0.0.1', user_agent: 'UA' })
      .execute();
  }
  for (let i = 0; i < 5; i++) {
    src.clock.advance(1000);
    await recordAudit(src, { action: 'test.event', resourceType: 'test', resourceId: String(i), details: { i, nested: { list: [1, 'twee', null], text: 'ünïcödé "quoted"' } } });
  }
  await enqueueJob(db, { type: 'test.job', payload: { n: 1 } }, src.clock);
  const dead = await enqueueJob(db, { type: 'test.job', payload: { n: 2 }, uniqueKey: 'u1' }, src.clock);
  await db.updateTable('jobs').set({ status: 'dead', last_error: 'boom', attempts: 5 }).where('id', '=', dead!.id).execute();
  for (let i = 0; i < 2; i++) {
    const bytes = crypto.randomBytes(5000 + i);
    storedFiles.set((await storeFile(src, { bytes, mimeType: 'application/octet-stream', purpose: 'case-document' })).id, bytes);
  }
  await sql.raw(PROBE_DDL).execute(db);
  await sql`insert into backup_probe (organisation_id, data, amount, big, at, doc, tags, x) values
    (${orgs[0]!.id}, '\\x00ff10'::bytea, 12345678901234567890.123456789, 9007199254740993,
     '2026-01-05 09:00:00.123456+00', '{"a": {"b": [1, 2.5, "drie"]}, "z": null}', '{"een","twee drie"}', 'x'),
    (${orgs[1]!.id}, null, null, null, null, null, null, null)`.execute(db);
}

/** Every table as PostgreSQL prints its rows: an exact comparison, microseconds and all digits included. */
async function dump(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ r: string }>`select row(x.*)::text as r from ${sql.table(name)} as x order by 1`.execute(db);
    out[name] = rows.map((r) => r.r);
  }
  return out;
}

const unzipLines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '');
const zipLines = (file: string, lines: string[]) => fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));
/** Edits a backup and re-seals it with a matching checksum, as a careless or hostile tool might. */
function reseal(from: string, to: string, edit: (header: BackupHeader) => void) {
  const lines = unzipLines(from);
  const header = JSON.parse(lines[0]!) as BackupHeader;
  edit(header);
  lines[0] = JSON.stringify(header);
  const body = lines.slice(0, -1).map((l) => `${l}\n`).join('');
  const trailer = { ...JSON.parse(lines.at(-1)!), sha256: crypto.createHash('sha256').update(body).digest('hex') };
  zipLines(to, [...lines.slice(0, -1), JSON.stringify(trailer)]);
}

let backupFile: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-backup-'));
  const base = testContext(source);
  src = { ...base, keyring, config: { ...base.config, filesDir: path.join(dir, 'src-files') } };
  const base2 = testContext(target);
  dst = { ...base2, keyring, config: { ...base2.config, filesDir: path.join(dir, 'dst-files'), keyFile: path.join(dir, 'keys.json') } };
  await sql.raw(PROBE_DDL).execute(target.db);
  await populate();
  backupFile = path.join(dir, 'backup.jsonl.gz');
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a complete backup with header, rows in foreign-key order, files and a trailer', async () => {
    const progress: BackupProgress[] = [];
    const summary = await createBackup(servicesOf(src, source.db), { out: backupFile, onProgress: (p) => progress.push(p) });
    expect(summary.files).toBe(2);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    const lines = unzipLines(backupFile);
    const header = JSON.parse(lines[0]!) as BackupHeader;
    expect(header.format).toBe('baken-backup');
    expect(header.migrations).toEqual((await sql<{ name: string }>`select name from kysely_migration order by name`.execute(source.db)).rows.map((r) => r.name));
    expect(header.keyIds).toEqual([keyring.activeKeyId]);
    const names = header.tables.map((t) => t.name);
    expect(names.slice(0, 9)).toEqual(['organisations', 'roles', 'role_grants', 'users', 'recovery_codes', 'sessions', 'audit_log', 'jobs', 'stored_files']);
    expect(names.indexOf('backup_probe')).toBeGreaterThan(names.indexOf('organisations'));
    expect(names).not.toContain('kysely_migration');
    const trailer = JSON.parse(lines.at(-1)!) as { end: boolean; rows: number; files: number };
    expect(trailer).toMatchObject({ end: true, rows: summary.rows, files: 2 });
    expect(lines.filter((l) => l.startsWith('{"f":'))).toHaveLength(2);
    expect(progress.at(-1)).toEqual({ step: 'files', done: summary.rows + 2, total: summary.rows + 2 });
    // The key is never in the backup.
    expect(lines.join('\n')).not.toContain(keyring.keys.get(keyring.activeKeyId)!.toString('base64'));
    await expect(createBackup(servicesOf(src, source.db), { out: backupFile })).rejects.toMatchObject({ problem: 'exists' });
    await expect(createBackup(servicesOf(src, source.db), { out: path.join(dir, 'no-such-folder', 'b.gz') })).rejects.toThrow(/ENOENT/);
  });

  it('refuses a truncated, altered, unsealed or foreign backup and changes nothing', async () => {
    const before = await dump(target.db);
    const gz = fs.readFileSync(backupFile);
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const altered = path.join(dir, 'altered.gz');
    zipLines(altered, unzipLines(backupFile).map((l) => l.replace('Politie Oost', 'Politie West')));
    const unsealed = path.join(dir, 'unsealed.gz');
    zipLines(unsealed, unzipLines(backupFile).slice(0, -1));
    const notGzip = path.join(dir, 'plain.txt');
    fs.writeFileSync(notGzip, 'hello');
    const cases: [string, RegExp][] = [
      [truncated, /cannot be read|end marker is missing/],
      [altered, /checksum does not match/],
      [unsealed, /end marker is missing/],
      [notGzip, /cannot be read/],
      [path.join(dir, 'nope.gz'), /does not exist/],
    ];
    for (const [file, message] of cases) {
      const err = await restoreBackup(servicesOf(dst, target.db), file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect((err as BackupError).problem).toBe('corrupt');
      expect((err as Error).message).toMatch(message);
    }
    expect(await dump(target.db)).toEqual(before);
    expect(fs.existsSync(dst.config.filesDir)).toBe(false);
  });

  it('refuses a backup from another migration list or needing absent keys, and changes nothing', async () => {
    const before = await dump(target.db);
    const newer = path.join(dir, 'newer.gz');
    reseal(backupFile, newer, (h) => h.migrations.push('2099-01-01-0001-future'));
    await expect(restoreBackup(servicesOf(dst, target.db), newer)).rejects.toMatchObject({ problem: 'migrations', message: expect.stringMatching(/newer Baken/) });
    const older = path.join(dir, 'older.gz');
    reseal(backupFile, older, (h) => h.migrations.pop());
    await expect(restoreBackup(servicesOf(dst, target.db), older)).rejects.toMatchObject({ problem: 'migrations', message: expect.stringMatching(/predates/) });
    const otherIds = { activeKeyId: 'kother', keys: new Map([['kother', crypto.randomBytes(32)]]) };
    await expect(restoreBackup({ ...servicesOf(dst, target.db), keyring: otherIds }, backupFile)).rejects.toMatchObject({
      problem: 'keys',
      message: expect.stringMatching(new RegExp(`needs key\\(s\\) ${keyring.activeKeyId}, which are not in`)),
    });
    // Same key id, different key: another installation's key file.
    await expect(restoreBackup({ ...servicesOf(dst, target.db), keyring: testKeyring() }, backupFile)).rejects.toMatchObject({
      problem: 'keys',
      message: expect.stringMatching(/not the same keys/),
    });
    expect(await dump(target.db)).toEqual(before);
  });

  it('refuses to restore into a database in use, and changes nothing', async () => {
    const before = await dump(source.db);
    const filesBefore = fs.readdirSync(src.config.filesDir).sort();
    const err = await restoreBackup(servicesOf(src, source.db), backupFile).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'not-empty', message: expect.stringMatching(/not empty/) });
    expect(await dump(source.db)).toEqual(before);
    expect(fs.readdirSync(src.config.filesDir).sort()).toEqual(filesBefore);
  });

  it('restores into an empty database: identical rows, a valid audit chain, readable files', async () => {
    const progress: BackupProgress[] = [];
    const summary = await restoreBackup(servicesOf(dst, target.db), backupFile, { onProgress: (p) => progress.push(p) });
    expect(summary.files).toBe(2);
    expect(progress.some((p) => p.step === 'verify')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ step: 'files', done: summary.rows + 2, total: summary.rows + 2 });

    const [a, b] = await Promise.all([dump(source.db), dump(target.db)]);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of Object.keys(a)) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    expect(a.backup_probe![0]).toContain('12345678901234567890.123456789');
    expect(a.backup_probe![0]).toContain('09:00:00.123456');
    expect(a.backup_probe![0]).toContain('9007199254740993');

    const [chainA, chainB] = await Promise.all([verifyAuditChain(source.db), verifyAuditChain(target.db)]);
    expect(chainB).toMatchObject({ ok: true, entries: 5, lastHash: chainA.lastHash });
    for (const [id, bytes] of storedFiles) expect((await readFile(dst, id)).bytes.equals(bytes)).toBe(true);

    // Life goes on after the restore: identity sequences continue and the chain keeps verifying.
    await recordAudit(dst, { action: 'backup.restore', resourceType: 'backup' });
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, entries: 6 });
    const maxJob = Math.max(...(await target.db.selectFrom('jobs').select('id').execute()).map((r) => r.id));
    expect((await enqueueJob(target.db, { type: 'test.after' }, dst.clock))!.id).toBe(maxJob + 1);
    const { rows } = await sql<{ id: number }>`insert into backup_probe (organisation_id) select id from organisations limit 1 returning id`.execute(target.db);
    expect(Number(rows[0]!.id)).toBe(3);

    // And now the target is in use: a second restore is refused.
    await expect(restoreBackup(servicesOf(dst, target.db), backupFile)).rejects.toMatchObject({ problem: 'not-empty' });
  });
});
