import crypto from 'node:crypto';
import fs from 'node:fs';
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns.ts';
import { decryptField, keyIdOf } from '../crypto/envelope.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { checkFileKey, isFileId, keyIdOfFile } from '../files/file-format.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  forEachLine,
  rawRowOf,
  type BackupHeader,
  type BackupProgress,
  type BackupTrailer,
} from './backup-format.ts';

/**
 * A few values per key id, each with a check that decrypts it: a key file whose ids match but whose
 * keys do not (another installation's file) is caught before anything is restored. Several, so that
 * one damaged value does not make a good key look wrong.
 */
export type KeySamples = Map<string, ((keyring: Keyring) => void)[]>;
const SAMPLES_PER_KEY = 3;
export type VerifiedBackup = { header: BackupHeader; trailer: BackupTrailer; keySamples: KeySamples };

const corrupt = (why: string) => new BackupError('corrupt', `The backup cannot be used: ${why}. Nothing was changed.`);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isHeader(v: unknown): v is BackupHeader {
  const h = v as BackupHeader;
  return (
    typeof h === 'object' && h !== null && h.format === BACKUP_FORMAT && typeof h.createdAt === 'string' &&
    Array.isArray(h.migrations) && Array.isArray(h.keyIds) && Array.isArray(h.tables) &&
    h.tables.every((t) => typeof t.name === 'string' && Array.isArray(t.columns) && Number.isInteger(t.rows))
  );
}

/**
 * Reads a whole backup without touching the database: every line must be well-formed, rows must come
 * table by table in the header's order with the announced counts, every stored file row must have its
 * file, and the trailer's checksum must match. A truncated or altered file is refused here.
 */
export async function verifyBackup(file: string, onProgress?: (p: BackupProgress) => void): Promise<VerifiedBackup> {
  if (!fs.existsSync(file)) throw new BackupError('corrupt', `${file} does not exist.`);
  const hash = crypto.createHash('sha256');
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  let lineNo = 0;
  let tableIndex = 0;
  const rowCounts = new Map<string, number>();
  const fileRows = new Set<string>();
  const fileIds = new Set<string>();
  const keySamples: KeySamples = new Map();
  const sample = (keyId: string, check: (keyring: Keyring) => void) => {
    const list = keySamples.get(keyId) ?? [];
    if (list.length < SAMPLES_PER_KEY) keySamples.set(keyId, [...list, check]);
  };

  const onLine = (text: string, bytes: Buffer) => {
    lineNo++;
    if (trailer) throw corrupt(`line ${lineNo} follows the end marker`);
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw corrupt(`line ${lineNo} is not valid JSON`);
    }
    if (lineNo === 1) {
      if (v.format !== BACKUP_FORMAT) throw corrupt('it is not a Baken backup');
      if (v.version !== BACKUP_VERSION) throw corrupt(`it has format version ${String(v.version)}, this Baken reads version ${BACKUP_VERSION}`);
      if (!isHeader(v)) throw corrupt('its header is incomplete');
      header = v;
    } else if (v.end === true) {
      trailer = v as unknown as BackupTrailer;
      return; // the trailer is not part of what its checksum covers
    } else if (typeof v.t === 'string') {
      const h = header!;
      const index = h.tables.findIndex((t) => t.name === v.t);
      if (index === -1) throw corrupt(`line ${lineNo} has a row of table "${v.t}", which its header does not list`);
      if (index < tableIndex || fileIds.size > 0) throw corrupt(`line ${lineNo} has a row of "${v.t}" out of order`);
      tableIndex = index;
      if (rawRowOf(text, v.t) === null || typeof v.r !== 'object' || v.r === null) throw corrupt(`line ${lineNo} is not a row line`);
      rowCounts.set(v.t, (rowCounts.get(v.t) ?? 0) + 1);
      const row = v.r as Record<string, unknown>;
      if (v.t === 'stored_files') fileRows.add(String(row.id));
      for (const c of ENCRYPTED_COLUMNS.filter((c) => c.table === v.t)) {
        const value = row[c.column];
        const keyId = typeof value === 'string' ? keyIdOf(value) : null;
        if (keyId) sample(keyId, (k) => void decryptField(k, value as string, c.aad({ id: String(row[c.idColumn]) })));
      }
    } else if (typeof v.f === 'string') {
      if (!isFileId(v.f) || typeof v.b !== 'string' || !BASE64.test(v.b)) throw corrupt(`line ${lineNo} is not a file line`);
      if (fileIds.has(v.f)) throw corrupt(`file ${v.f} appears twice`);
      fileIds.add(v.f);
      const id = v.f;
      const head = Buffer.from(v.b.slice(0, 700), 'base64');
      const keyId = (() => {
        try {
          return keyIdOfFile(id, head);
        } catch {
          throw corrupt(`stored file ${id} in it has no valid header`);
        }
      })();
      sample(keyId, (k) => checkFileKey(k, id, head));
    } else {
      throw corrupt(`line ${lineNo} is of no known kind`);
    }
    hash.update(bytes);
    hash.update('\n');
  };

  try {
    await forEachLine(file, onLine, (read, size) => onProgress?.({ step: 'verify', done: read, total: size }));
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw corrupt(`it cannot be read (${(e as Error).message}); it may be truncated or not a gzip file`);
  }
  const h = header as BackupHeader | null;
  const t = trailer as BackupTrailer | null;
  if (!h) throw corrupt('it is empty');
  if (!t) throw corrupt('the end marker is missing, so it is incomplete (truncated)');
  if (t.sha256 !== hash.digest('hex')) throw corrupt('its checksum does not match its content (altered or damaged)');
  const rows = [...rowCounts.values()].reduce((a, b) => a + b, 0);
  if (t.rows !== rows || t.files !== fileIds.size) throw corrupt('the counts in its end marker do not match its content');
  for (const table of h.tables) {
    if ((rowCounts.get(table.name) ?? 0) !== table.rows) throw corrupt(`table ${table.name} should have ${table.rows} rows`);
  }
  if (fileRows.size !== fileIds.size || [...fileRows].some((id) => !fileIds.has(id))) {
    throw corrupt('its stored files do not match its stored_files rows');
  }
  return { header: h, trailer: t, keySamples };
}
