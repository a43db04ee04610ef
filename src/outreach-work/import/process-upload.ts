import fs from 'node:fs/promises';
import { inTransaction, type Ctx } from '../../context.ts';
import { storedFilePath } from '../../files/file-format.ts';
import { readFile } from '../../files/read-file.ts';
import type { JobMeta } from '../../jobs/job-types.ts';
import { bufferByteBatches } from './byte-batches.ts';
import { emptyCounts } from './import-lines.ts';
import { finishImportRun, runImport } from './import-runs.ts';

/** Detaches the uploaded file from its run and removes it (row, then the encrypted file on disk). */
async function removeUpload(ctx: Ctx, importId: string, fileId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('outreach_imports').set({ file_id: null }).where('id', '=', importId).execute();
    await tx.db.deleteFrom('stored_files').where('id', '=', fileId).execute();
  });
  await fs.rm(storedFilePath(ctx.config.filesDir, fileId), { force: true });
}

/**
 * The job `outreach.import`: imports an uploaded file line by line, writing progress after every
 * batch, and deletes the file when the run is over. At-least-once delivery is safe: a finished run is
 * not run again, and a run interrupted halfway starts again from the first line (importAdBatch is
 * idempotent by source and id). The file is kept for a retry until the last attempt has failed.
 */
export async function processUpload(ctx: Ctx, payload: unknown, job: JobMeta): Promise<void> {
  const importId = (payload as { importId?: unknown } | null)?.importId;
  if (typeof importId !== 'string') throw new Error('outreach.import: the payload has no importId');
  const run = await ctx.db.selectFrom('outreach_imports').select(['id', 'status', 'file_id']).where('id', '=', importId).executeTakeFirst();
  if (!run || run.status === 'done') return;
  if (!run.file_id) {
    if (run.status !== 'failed') await finishImportRun(ctx, importId, emptyCounts(), 'The uploaded file is no longer there.');
    return;
  }
  const lastAttempt = job.attempts >= job.maxAttempts;
  try {
    const bytes = await readFile(ctx, run.file_id).then(
      (f) => f.bytes,
      async (e: unknown) => {
        await finishImportRun(ctx, importId, emptyCounts(), 'The uploaded file cannot be read (missing or damaged).');
        throw e;
      },
    );
    await runImport(ctx, importId, bufferByteBatches(bytes));
  } catch (e) {
    if (lastAttempt) await removeUpload(ctx, importId, run.file_id);
    throw e;
  }
  await removeUpload(ctx, importId, run.file_id);
}
