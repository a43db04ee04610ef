import fs from 'node:fs/promises';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors/catalogue.ts';
import { decryptFileBytes, FileIntegrityError, isFileId, storedFilePath } from './file-format.ts';

export type ReadFileResult = { bytes: Buffer; mimeType: string; size: number };

/**
 * Reads and decrypts a stored file. An unknown id is NOT_FOUND; a file that is missing from disk,
 * damaged or tampered with is a FileIntegrityError (an operator problem, never silently empty data).
 * Permission checks and the audit entry belong to the operation that knows why the file is read.
 */
export async function readFile(ctx: Ctx, id: string): Promise<ReadFileResult> {
  if (!isFileId(id)) throw notFound('No such file.');
  const row = await ctx.db.selectFrom('stored_files').select(['mime_type', 'size_bytes']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such file.');
  let blob: Buffer;
  try {
    blob = await fs.readFile(storedFilePath(ctx.config.filesDir, id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileIntegrityError(`stored file ${id} is missing from ${ctx.config.filesDir}`);
    throw e;
  }
  const bytes = decryptFileBytes(ctx.keyring, id, blob);
  if (bytes.length !== row.size_bytes) {
    throw new FileIntegrityError(`stored file ${id} has ${bytes.length} bytes where ${row.size_bytes} were stored`);
  }
  return { bytes, mimeType: row.mime_type, size: bytes.length };
}
