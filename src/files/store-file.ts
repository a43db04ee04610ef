import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { Ctx } from '../context.ts';
import { DomainError, invalid } from '../errors/catalogue.ts';
import { encryptFileBytes, MAX_STORED_FILE_BYTES, storedFilePath, writeFileAtomic } from './file-format.ts';

export type StoreFileInput = {
  bytes: Buffer | Uint8Array;
  mimeType: string;
  /** What the file is for, e.g. "case-document"; kept with it for retention and review. */
  purpose: string;
};

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

/**
 * Encrypts a file into the files folder and records it in stored_files. The file is written first
 * and the row second: if the row cannot be written the file is removed, and if the caller's
 * transaction rolls back later an unreferenced encrypted file stays behind, which is harmless.
 * Not audited here: the operation that attaches the file to something audits that, with its purpose.
 */
export async function storeFile(ctx: Ctx, input: StoreFileInput): Promise<{ id: string }> {
  if (!MIME.test(input.mimeType)) throw invalid('mimeType', 'must be a media type such as "application/pdf"');
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(input.purpose)) throw invalid('purpose', 'must be a lower-case word such as "case-document"');
  if (input.bytes.length > MAX_STORED_FILE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `Files are limited to ${MAX_STORED_FILE_BYTES} bytes.`);
  const id = crypto.randomUUID();
  const plaintext = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const blob = encryptFileBytes(ctx.keyring, id, plaintext);
  await fs.mkdir(ctx.config.filesDir, { recursive: true, mode: 0o700 });
  const file = storedFilePath(ctx.config.filesDir, id);
  await writeFileAtomic(file, blob);
  try {
    await ctx.db
      .insertInto('stored_files')
      .values({
        id,
        purpose: input.purpose,
        mime_type: input.mimeType.toLowerCase(),
        size_bytes: plaintext.length,
        key_id: ctx.keyring.activeKeyId,
        created_at: ctx.clock.now(),
        created_by: ctx.actor.userId,
      })
      .execute();
  } catch (e) {
    await fs.rm(file, { force: true });
    throw e;
  }
  return { id };
}
