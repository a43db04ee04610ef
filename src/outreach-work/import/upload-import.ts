import { assertCan } from '../../access/can.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { DomainError } from '../../errors/catalogue.ts';
import { MAX_STORED_FILE_BYTES } from '../../files/file-format.ts';
import { storeFile } from '../../files/store-file.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { createImportRun } from './import-runs.ts';

export const IMPORT_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl'] as const;
/** Uploaded files are stored encrypted in one piece (files/file-format.ts), which bounds their size. */
export const IMPORT_MAX_BYTES = MAX_STORED_FILE_BYTES;
export const IMPORT_JOB = 'outreach.import';

const mebibytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Accepts a JSON Lines file of ads: stores it encrypted, records a queued import run and enqueues the
 * job that imports it (process-upload.ts) in the same transaction, so a run never waits for a job
 * that does not exist. Returns the run's id for polling its progress.
 */
export async function uploadImport(ctx: Ctx, input: { bytes: Buffer; fileName: string | null; mediaType: string }) {
  assertCan(ctx.actor, 'import', 'outreach-ad');
  const mediaType = input.mediaType.split(';')[0]!.trim().toLowerCase();
  if (!(IMPORT_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the file as ${IMPORT_MEDIA_TYPES.join(' or ')} (JSON Lines, docs/ad-format.md).`);
  }
  if (input.bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'The file is empty.', [{ field: 'file', problem: 'The file is empty.' }]);
  if (input.bytes.length > IMPORT_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `Import files are limited to ${mebibytes(IMPORT_MAX_BYTES)}; this one has ${mebibytes(input.bytes.length)}. Split it, or use \`baken outreach import\`.`);
  }
  const fileName = input.fileName?.trim().replace(/[\\/]/g, '_').slice(0, 255) || null;
  return inTransaction(ctx, async (tx) => {
    const file = await storeFile(tx, { bytes: input.bytes, mimeType: mediaType, purpose: 'outreach-import' });
    const id = await createImportRun(tx, { channel: 'upload', fileId: file.id, fileName, totalBytes: input.bytes.length });
    await enqueueJob(tx.db, { type: IMPORT_JOB, payload: { importId: id }, maxAttempts: 3 }, tx.clock);
    return { id };
  });
}
