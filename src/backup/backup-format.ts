import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * A Baken backup is ONE gzip'd file of JSON lines:
 *   1. header  {format:'baken-backup', version:1, createdAt, migrations, keyIds, tables:[{name, columns, primaryKey, rows}]}
 *   2. rows    {t: table, r: row} table by table, parents before children (foreign-key order)
 *   3. files   {f: stored file id, b: base64 of the file as stored, i.e. still encrypted}
 *   4. trailer {end: true, rows, files, sha256: hex SHA-256 of every byte before the trailer line}
 * Each row `r` is PostgreSQL's own to_jsonb(row) and is restored with jsonb_populate_recordset, so
 * PostgreSQL both writes and reads every value: timestamps keep their microseconds, numerics and
 * bigints all their digits (rows are never parsed into JS numbers), bytea travels as hex text, jsonb
 * as JSON. The column types are listed in the header for readers and checks.
 * The encryption keys are NOT in the backup: the operator keeps the key file separately (a backup
 * alone cannot be decrypted; `keyIds` says which keys a restore needs).
 */
export const BACKUP_FORMAT = 'baken-backup';
export const BACKUP_VERSION = 1;

export type ColumnInfo = { name: string; type: string; generated: boolean };
export type TableInfo = { name: string; columns: ColumnInfo[]; primaryKey: string[]; rows: number };
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migrations: string[];
  keyIds: string[];
  tables: TableInfo[];
};
export type BackupTrailer = { end: true; rows: number; files: number; sha256: string };
export type BackupProgress = { step: string; done: number; total: number };

export type BackupProblem = 'corrupt' | 'not-empty' | 'migrations' | 'keys' | 'schema' | 'missing-file' | 'exists';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
  }
}

const rowPrefix = (table: string) => `{"t":${JSON.stringify(table)},"r":`;

/** `raw` is PostgreSQL's JSON text of the row, written as is. */
export const rowLine = (table: string, raw: string) => `${rowPrefix(table)}${raw}}`;

/** The row's JSON text exactly as written (never re-serialised, so no digit is lost). */
export function rawRowOf(line: string, table: string): string | null {
  const prefix = rowPrefix(table);
  return line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : null;
}

export const fileLine = (id: string, stored: Buffer) => `{"f":${JSON.stringify(id)},"b":"${stored.toString('base64')}"}`;

/**
 * Streams the decompressed lines of a backup with their exact bytes (for the checksum). Lines are
 * cut on the newline byte before decoding, so a long file line is joined once, not re-scanned.
 */
export async function forEachLine(
  file: string,
  onLine: (text: string, bytes: Buffer) => Promise<void> | void,
  onBytes?: (read: number, size: number) => void,
): Promise<void> {
  const size = (await fsp.stat(file)).size;
  const source = fs.createReadStream(file);
  let parts: Buffer[] = [];
  const emit = async () => {
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    await onLine(bytes.toString('utf8'), bytes);
  };
  await pipeline(source, zlib.createGunzip(), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        parts.push(chunk.subarray(start, nl));
        await emit();
        start = nl + 1;
      }
      if (start < chunk.length) parts.push(Buffer.from(chunk.subarray(start)));
      onBytes?.(source.bytesRead, size);
    }
  });
  if (parts.length > 0) await emit();
}

export type BackupWriter = {
  line(text: string): Promise<void>;
  /** Writes the trailer, flushes to disk and moves the file into place. */
  finish(counts: { rows: number; files: number }): Promise<{ bytes: number }>;
  abort(): Promise<void>;
};

/**
 * Writes to `<file>.partial` and renames only when complete, so a failed run never leaves a file
 * that looks like a backup. Mode 0600: a backup holds personal data (only some columns are encrypted).
 */
export async function openBackupWriter(file: string): Promise<BackupWriter> {
  if (fs.existsSync(file)) throw new BackupError('exists', `${file} already exists; choose another name (an existing backup is never overwritten)`);
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip();
  // Opened synchronously so that a missing folder or a permission problem is reported before
  // the whole database has been read.
  const fd = fs.openSync(tmp, 'w', 0o600);
  const done = pipeline(gzip, fs.createWriteStream(tmp, { fd }));
  done.catch(() => {}); // observed through `line`/`finish`; avoids an unhandled rejection meanwhile
  const hash = crypto.createHash('sha256');
  return {
    async line(text) {
      const bytes = Buffer.from(`${text}\n`, 'utf8');
      hash.update(bytes);
      if (!gzip.write(bytes)) await Promise.race([once(gzip, 'drain'), done]);
    },
    async finish({ rows, files }) {
      const trailer: BackupTrailer = { end: true, rows, files, sha256: hash.digest('hex') };
      gzip.end(`${JSON.stringify(trailer)}\n`);
      await done;
      const handle = await fsp.open(tmp, 'r+');
      await handle.sync();
      await handle.close();
      await fsp.rename(tmp, file);
      return { bytes: (await fsp.stat(file)).size };
    },
    async abort() {
      gzip.destroy();
      await done.catch(() => {});
      await fsp.rm(tmp, { force: true });
    },
  };
}
