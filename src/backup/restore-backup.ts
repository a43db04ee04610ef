import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppServices } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { storedFilePath, writeFileAtomic } from '../files/file-format.ts';
import { BackupError, forEachLine, rawRowOf, type BackupHeader, type BackupProgress, type TableInfo } from './backup-format.ts';
import { describeTables } from './describe-tables.ts';
import { verifyBackup } from './verify-backup.ts';

export type RestoreSummary = { rows: number; files: number; tables: number; createdAt: string };

/** A database holding any of these is in use: a restore would mix two histories. */
const MUST_BE_EMPTY = ['organisations', 'users', 'audit_log', 'stored_files'];
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Restores a backup into an EMPTY, freshly migrated database and its files folder. The whole file
 * is verified first (checksum, structure); then the migrations, keys and tables are compared; only
 * then, in ONE transaction, the rows migrations seeded (built-in roles, ...) are replaced by the
 * backup's, in foreign-key order, with their original ids, audit seq numbers and hashes. Identity
 * sequences continue after the restored values. Any failure changes nothing.
 */
export async function restoreBackup(
  services: AppServices,
  file: string,
  opts: { onProgress?: (p: BackupProgress) => void } = {},
): Promise<RestoreSummary> {
  const { header, trailer, keySamples } = await verifyBackup(file, opts.onProgress);
  const db = services.db;
  await migrateToLatest(db);
  await checkMigrations(db, header);
  const missingKeys = header.keyIds.filter((k) => !services.keyring.keys.has(k));
  if (missingKeys.length > 0) {
    throw new BackupError(
      'keys',
      `The backup's encrypted data needs key(s) ${missingKeys.join(', ')}, which are not in ${services.config.keyFile}. ` +
        'Backups never contain keys: put the key file of the original installation there first.',
    );
  }
  const opens = (check: (k: typeof services.keyring) => void) => {
    try {
      check(services.keyring);
      return true;
    } catch {
      return false;
    }
  };
  const wrongKeys = [...keySamples].filter(([, checks]) => !checks.some(opens));
  if (wrongKeys.length > 0) {
    throw new BackupError(
      'keys',
      `The key file ${services.config.keyFile} has key id(s) ${wrongKeys.map(([k]) => k).join(', ')} but not the same keys that encrypted ` +
        "this backup's data (a key file from another installation?).",
    );
  }
  await checkTables(db, header);
  await checkEmpty(db);

  const written: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      await sql`lock table ${sql.join(header.tables.map((t) => sql.table(t.name)))} in exclusive mode`.execute(trx);
      await checkEmpty(trx);
      for (const t of [...header.tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
      await copyIn(trx, services, file, header, trailer.sha256, written, opts.onProgress);
      for (const t of header.tables) await resetSequences(trx, t);
    });
  } catch (e) {
    await Promise.all(written.map((f) => fsp.rm(f, { force: true })));
    throw e;
  }
  return { rows: trailer.rows, files: trailer.files, tables: header.tables.length, createdAt: header.createdAt };
}

async function checkMigrations(db: Kysely<DB>, header: BackupHeader): Promise<void> {
  const here = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
  const unknown = header.migrations.filter((m) => !here.includes(m));
  if (unknown.length > 0) {
    throw new BackupError('migrations', `The backup was made by a newer Baken (migrations ${unknown.join(', ')} are unknown here). Upgrade Baken, then restore.`);
  }
  const newer = here.filter((m) => !header.migrations.includes(m));
  if (newer.length > 0) {
    throw new BackupError(
      'migrations',
      `The backup predates migrations ${newer.join(', ')} of this Baken. Restore it with the Baken version that made it, then upgrade.`,
    );
  }
}

async function checkTables(db: Kysely<DB>, header: BackupHeader): Promise<void> {
  const here = new Map((await describeTables(db)).map((t) => [t.name, new Set(t.columns.filter((c) => !c.generated).map((c) => c.name))]));
  for (const t of header.tables) {
    const columns = here.get(t.name);
    if (!columns) throw new BackupError('schema', `The backup has a table "${t.name}" that this database lacks.`);
    const missing = t.columns.filter((c) => !c.generated && !columns.has(c.name)).map((c) => c.name);
    if (missing.length > 0) throw new BackupError('schema', `Table "${t.name}" here lacks column(s) ${missing.join(', ')} of the backup.`);
  }
}

async function checkEmpty(db: Kysely<DB>): Promise<void> {
  const present = new Set((await describeTables(db)).map((t) => t.name));
  for (const table of MUST_BE_EMPTY.filter((t) => present.has(t))) {
    const { rows } = await sql<{ any: boolean }>`select exists(select 1 from ${sql.table(table)}) as any`.execute(db);
    if (rows[0]?.any) {
      throw new BackupError('not-empty', `The database is not empty (table ${table} has rows). Restore only into a new, empty database. Nothing was changed.`);
    }
  }
}

/** Second pass over the file: rows in batches, files to disk; the checksum is recomputed on the way. */
async function copyIn(
  trx: Transaction<DB>,
  services: AppServices,
  file: string,
  header: BackupHeader,
  expectedSha: string,
  written: string[],
  onProgress?: (p: BackupProgress) => void,
): Promise<void> {
  const tables = new Map(header.tables.map((t) => [t.name, t]));
  const total = header.tables.reduce((n, t) => n + t.rows, 0) + (tables.get('stored_files')?.rows ?? 0);
  const hash = crypto.createHash('sha256');
  let batch: { table: TableInfo; raws: string[]; chars: number } | null = null;
  let done = 0;
  let files = 0;
  const flush = async () => {
    if (!batch || batch.raws.length === 0) return;
    const t = batch.table;
    const cols = sql.join(t.columns.filter((c) => !c.generated).map((c) => sql.ref(c.name)));
    await sql`insert into ${sql.table(t.name)} (${cols}) overriding system value
              select ${cols} from jsonb_populate_recordset(null::${sql.table(t.name)}, ${`[${batch.raws.join(',')}]`}::jsonb)`.execute(trx);
    done += batch.raws.length;
    batch = null;
    onProgress?.({ step: t.name, done, total });
  };
  await fsp.mkdir(services.config.filesDir, { recursive: true, mode: 0o700 });
  let first = true;
  await forEachLine(file, async (text, bytes) => {
    if (first) {
      first = false;
    } else if (text.startsWith('{"t":')) {
      const name = (JSON.parse(text) as { t: string }).t;
      const raw = rawRowOf(text, name)!;
      if (batch && (batch.table.name !== name || batch.raws.length >= BATCH_ROWS || batch.chars >= BATCH_CHARS)) await flush();
      batch ??= { table: tables.get(name)!, raws: [], chars: 0 };
      batch.raws.push(raw);
      batch.chars += raw.length;
    } else if (text.startsWith('{"f":')) {
      await flush();
      const { f, b } = JSON.parse(text) as { f: string; b: string };
      const target = storedFilePath(services.config.filesDir, f);
      await writeFileAtomic(target, Buffer.from(b, 'base64'));
      written.push(target);
      files++;
      onProgress?.({ step: 'files', done: done + files, total });
    } else {
      await flush();
      return; // the trailer
    }
    hash.update(bytes);
    hash.update('\n');
  });
  await flush();
  // The file could have changed since it was verified: check again before committing.
  if (hash.digest('hex') !== expectedSha) throw new BackupError('corrupt', 'The backup file changed while it was being restored. Nothing was changed.');
}

/** Identity and serial columns continue after the highest restored value. */
async function resetSequences(trx: Transaction<DB>, t: TableInfo): Promise<void> {
  for (const c of t.columns) {
    const { rows } = await sql<{ seq: string | null }>`select pg_get_serial_sequence(quote_ident(${t.name}), ${c.name}) as seq`.execute(trx);
    const seq = rows[0]?.seq;
    if (!seq) continue;
    const col = sql.ref(c.name);
    await sql`select setval(${seq}::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${sql.table(t.name)}`.execute(trx);
  }
}
