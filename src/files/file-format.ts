import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DecryptionError, gcmDecrypt, gcmEncrypt, newDataKey, unwrapDataKey } from '../crypto/envelope.ts';
import type { Keyring } from '../crypto/keyring.ts';

/**
 * On-disk format of a stored file (`<filesDir>/<uuid>.bin`):
 *   "BKF1" | key id length (1 byte) | key id (ASCII) | wrapped data key length (2 bytes, BE) |
 *   wrapped data key | iv (12) | AES-256-GCM ciphertext | tag (16)
 * Each file has its own data key, wrapped with a KEK from the keyring, so key rotation rewrites only
 * the header. The aad `file:<id>` binds the content to its id: a file copied over another one's
 * name does not decrypt.
 */
const MAGIC = Buffer.from('BKF1', 'ascii');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Files are encrypted in one piece, in memory: uploads are bounded by the HTTP body limit anyway. */
export const MAX_STORED_FILE_BYTES = 100 * 1024 * 1024;

export class FileIntegrityError extends Error {
  override name = 'FileIntegrityError';
}

export const isFileId = (id: string) => UUID.test(id);
export const fileAad = (id: string) => `file:${id}`;

/** Only ever a uuid under filesDir: an id from outside cannot point elsewhere on disk. */
export function storedFilePath(filesDir: string, id: string): string {
  if (!isFileId(id)) throw new FileIntegrityError(`"${id}" is not a stored file id`);
  return path.join(filesDir, `${id}.bin`);
}

type Header = { keyId: string; wrapped: Buffer; bodyOffset: number };

export function parseHeader(id: string, blob: Buffer): Header {
  const bad = (why: string) => new FileIntegrityError(`stored file ${id} is damaged: ${why}`);
  if (blob.length < 7 || !blob.subarray(0, 4).equals(MAGIC)) throw bad('it does not start with BKF1');
  const keyIdLength = blob.readUInt8(4);
  const wrappedAt = 5 + keyIdLength + 2;
  if (blob.length < wrappedAt) throw bad('the header is cut short');
  const keyId = blob.subarray(5, 5 + keyIdLength).toString('ascii');
  const wrappedLength = blob.readUInt16BE(5 + keyIdLength);
  const bodyOffset = wrappedAt + wrappedLength;
  if (blob.length < bodyOffset) throw bad('it is cut short');
  return { keyId, wrapped: blob.subarray(wrappedAt, bodyOffset), bodyOffset };
}

function header(keyId: string, wrapped: Buffer): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  const lengths = Buffer.alloc(3);
  lengths.writeUInt8(id.length, 0);
  lengths.writeUInt16BE(wrapped.length, 1);
  return Buffer.concat([MAGIC, lengths.subarray(0, 1), id, lengths.subarray(1), wrapped]);
}

export function encryptFileBytes(keyring: Keyring, id: string, plaintext: Buffer): Buffer {
  const { keyId, dataKey, wrapped } = newDataKey(keyring, fileAad(id));
  return Buffer.concat([header(keyId, wrapped), gcmEncrypt(dataKey, plaintext, fileAad(id))]);
}

export function decryptFileBytes(keyring: Keyring, id: string, blob: Buffer): Buffer {
  const h = parseHeader(id, blob);
  try {
    const dataKey = unwrapDataKey(keyring, h.keyId, h.wrapped, fileAad(id));
    return gcmDecrypt(dataKey, blob.subarray(h.bodyOffset), fileAad(id));
  } catch (e) {
    const why = e instanceof DecryptionError ? e.message : 'the content does not authenticate';
    throw new FileIntegrityError(`stored file ${id} cannot be decrypted (damaged, tampered with or moved): ${why}`);
  }
}

/** The same file with its data key wrapped by the active KEK; null when it already is. */
export function rewrapFileBytes(keyring: Keyring, id: string, blob: Buffer): Buffer | null {
  const h = parseHeader(id, blob);
  if (h.keyId === keyring.activeKeyId) return null;
  let dataKey: Buffer;
  try {
    dataKey = unwrapDataKey(keyring, h.keyId, h.wrapped, fileAad(id));
  } catch (e) {
    throw new FileIntegrityError(`stored file ${id}: cannot unwrap its data key (${(e as Error).message})`);
  }
  const kek = keyring.keys.get(keyring.activeKeyId);
  if (!kek) throw new FileIntegrityError(`active key ${keyring.activeKeyId} is not in the keyring`);
  // Mirrors envelope.ts's wrapping (aad "dek:" + aad), which has no export for wrapping an existing data key.
  const wrapped = gcmEncrypt(kek, dataKey, `dek:${fileAad(id)}`);
  return Buffer.concat([header(keyring.activeKeyId, wrapped), blob.subarray(h.bodyOffset)]);
}

/** Throws unless the keyring holds the key this file was wrapped with. Needs only the file's first ~500 bytes. */
export function checkFileKey(keyring: Keyring, id: string, head: Buffer): void {
  const h = parseHeader(id, head);
  unwrapDataKey(keyring, h.keyId, h.wrapped, fileAad(id));
}

export function keyIdOfFile(id: string, blob: Buffer): string {
  return parseHeader(id, blob).keyId;
}

/**
 * Write to a temporary name, flush, then rename: a crash leaves either the old file or the new one,
 * never half of one. The temporary file is removed when anything fails.
 */
export async function writeFileAtomic(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
