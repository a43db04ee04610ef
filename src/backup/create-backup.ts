import fsp from 'node:fs/promises';
import { sql, type Transaction } from 'kysely';
import type { AppServices } from '../context.ts';
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns.ts';
import type { DB } from '../db/schema.ts';
import { storedFilePath } from '../files/file-format.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  fileLine,
  openBackupWriter,
  rowLine,
  type BackupHeader,
  type BackupProgress,
  type BackupWriter,
  type TableInfo,
} from './backup-format.ts';
import { describeTables } from './describe-tables.ts';

export type BackupSummary = { file: string; bytes: number; rows: number; files: number; tables: { name: string; rows: number }[] };

const FETCH = 1000;

/**
 * Writes a backup of the whole database and the stored files to `out` (format: backup-format.ts).
 * Everything is read inside ONE repeatable-read, read-only transaction: a consistent snapshot even
 * while the app keeps writing (on PGlite the single connection gives the same). The encryption
 * keys are not included: back up the key file separately.
 */
export async function createBackup(
  services: AppServices,
  opts: { out: string; onProgress?: (p: BackupProgress) => void },
): Promise<BackupSummary> {
  const writer = await openBackupWriter(opts.out);
  try {
    const counts = await services.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      await sql`set local timezone = 'UTC'`.execute(trx);
      return writeSnapshot(trx, services, writer, opts.onProgress);
    });
    const { bytes } = await writer.finish({ rows: counts.rows, files: counts.files });
    return { file: opts.out, bytes, ...counts };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

async function writeSnapshot(trx: Transaction<DB>, services: AppServices, writer: BackupWriter, onProgress?: (p: BackupProgress) => void) {
  const described = await describeTables(trx);
  const tables: TableInfo[] = [];
  for (const t of described) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(trx);
    tables.push({ ...t, rows: rows[0]?.n ?? 0 });
  }
  const hasFiles = tables.some((t) => t.name === 'stored_files');
  const fileCount = hasFiles ? (tables.find((t) => t.name === 'stored_files')?.rows ?? 0) : 0;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: services.clock.now().toISOString(),
    migrations: (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)).rows.map((r) => r.name),
    keyIds: await keyIdsInUse(trx, hasFiles, new Set(tables.map((t) => t.name))),
    tables,
  };
  await writer.line(JSON.stringify(header));

  const total = tables.reduce((n, t) => n + t.rows, 0) + fileCount;
  let done = 0;
  for (const t of tables) {
    const order = t.primaryKey.length > 0 ? sql.join(t.primaryKey.map((c) => sql.ref(c))) : sql`ctid`;
    // A cursor streams the table in slices (PGlite cannot stream a plain query). The alias's `x.*`
    // is the whole row even when a column happens to be called x.
    await sql`declare backup_rows no scroll cursor for
                select to_jsonb(x.*)::text as r from ${sql.table(t.name)} as x order by ${order}`.execute(trx);
    for (;;) {
      const { rows } = await sql<{ r: string }>`fetch ${sql.raw(String(FETCH))} from backup_rows`.execute(trx);
      for (const row of rows) await writer.line(rowLine(t.name, row.r));
      done += rows.length;
      onProgress?.({ step: t.name, done, total });
      if (rows.length < FETCH) break;
    }
    await sql`close backup_rows`.execute(trx);
  }

  let files = 0;
  if (hasFiles) {
    await sql`declare backup_files no scroll cursor for select id::text as id from stored_files order by id`.execute(trx);
    for (;;) {
      const { rows } = await sql<{ id: string }>`fetch ${sql.raw(String(FETCH))} from backup_files`.execute(trx);
      for (const { id } of rows) {
        let stored: Buffer;
        try {
          stored = await fsp.readFile(storedFilePath(services.config.filesDir, id));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          throw new BackupError('missing-file', `stored file ${id} is recorded in the database but missing from ${services.config.filesDir}`);
        }
        await writer.line(fileLine(id, stored));
        files++;
        onProgress?.({ step: 'files', done: ++done, total });
      }
      if (rows.length < FETCH) break;
    }
    await sql`close backup_files`.execute(trx);
  }
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  return { rows, files, tables: tables.map((t) => ({ name: t.name, rows: t.rows })) };
}

/** Which keys a restore will need: those of the stored files and of every encrypted column value. */
async function keyIdsInUse(trx: Transaction<DB>, hasFiles: boolean, tables: Set<string>): Promise<string[]> {
  const ids = new Set<string>();
  if (hasFiles) for (const r of await trx.selectFrom('stored_files').select('key_id').distinct().execute()) ids.add(r.key_id);
  for (const c of ENCRYPTED_COLUMNS) {
    if (!tables.has(c.table)) continue;
    const { rows } = await sql<{ k: string }>`
      select distinct split_part(${sql.ref(c.column)}, '.', 2) as k from ${sql.table(c.table)}
       where ${sql.ref(c.column)} like 'ev1.%'`.execute(trx);
    for (const r of rows) ids.add(r.k);
  }
  return [...ids].sort();
}
