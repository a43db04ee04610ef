import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { OutreachImportChannel, OutreachImportStatus } from '../../db/tables/outreach-work.ts';
import type { ByteBatch } from '../../outreach/io/jsonl-lines.ts';
import type { PhotoFiles } from '../../outreach/io/photo-files.ts';
import { emptyCounts, importByteBatches, type ImportCounts } from './import-lines.ts';

export type NewImportRun = {
  channel: OutreachImportChannel;
  sourceId?: string | null;
  fileId?: string | null;
  fileName?: string | null;
  totalBytes?: number;
  status?: OutreachImportStatus;
};

/** Records the start of an import run (audited with the caller's transaction when there is one). */
export async function createImportRun(ctx: Ctx, run: NewImportRun): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('outreach_imports')
      .values({
        channel: run.channel,
        source_id: run.sourceId ?? null,
        file_id: run.fileId ?? null,
        file_name: run.fileName ?? null,
        status: run.status ?? 'queued',
        total_bytes: run.totalBytes ?? 0,
        error: null,
        started_by_user_id: tx.actor.userId,
        started_by_label: tx.actor.label,
        created_at: now,
        started_at: run.status === 'running' ? now : null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'outreach-import.start',
      resourceType: 'outreach-import',
      resourceId: row.id,
      purpose: 'outreach',
      details: { channel: run.channel, sourceId: run.sourceId ?? null, totalBytes: run.totalBytes ?? 0 },
    });
    return row.id;
  });
}

/**
 * `problems` is typed Generated<Json> in db/tables/outreach-work.ts, which makes Kysely expect the
 * column type itself on update; the value really is a JSON string (jsonb).
 */
const jsonValue = (value: unknown): string => JSON.stringify(value);

const countColumns = (c: ImportCounts) => ({
  processed_bytes: c.processedBytes,
  lines: c.lines,
  created: c.created,
  updated: c.updated,
  unchanged: c.unchanged,
  malformed: c.malformed,
  clusters_touched: c.clustersTouched,
  problems: jsonValue(c.problems),
});

export const countsForAudit = (c: ImportCounts) => ({
  lines: c.lines, created: c.created, updated: c.updated, unchanged: c.unchanged, malformed: c.malformed, clustersTouched: c.clustersTouched,
});

/** Records the end of a run with its counts: done, or failed with a short reason (never ad content). */
export async function finishImportRun(ctx: Ctx, importId: string, counts: ImportCounts, failure: string | null): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('outreach_imports')
      .set({ ...countColumns(counts), status: failure ? 'failed' : 'done', error: failure, finished_at: tx.clock.now() })
      .where('id', '=', importId)
      .execute();
    await recordAudit(tx, {
      action: 'outreach-import.finish',
      resourceType: 'outreach-import',
      resourceId: importId,
      purpose: 'outreach',
      outcome: failure ? 'failed' : 'ok',
      details: { ...countsForAudit(counts), ...(failure ? { error: failure } : {}) },
    });
  });
}

const reason = (e: unknown) => (e instanceof Error ? `${e.name === 'DomainError' ? '' : `${e.name}: `}${e.message}` : String(e)).slice(0, 300);

/**
 * Runs an import over batches of lines for a recorded run: counters start again from zero (a re-run
 * after a crash re-imports everything, which importAdBatch makes harmless), progress is written after
 * every batch, and the run ends done or failed. A failure is recorded and thrown again.
 */
export async function runImport(
  ctx: Ctx,
  importId: string,
  batches: AsyncIterable<ByteBatch> | Iterable<ByteBatch>,
  onProgress?: (counts: ImportCounts) => void,
  photos?: PhotoFiles,
): Promise<ImportCounts> {
  await ctx.db
    .updateTable('outreach_imports')
    .set({ ...countColumns(emptyCounts()), status: 'running', error: null, started_at: ctx.clock.now(), finished_at: null })
    .where('id', '=', importId)
    .execute();
  let last: ImportCounts | null = null;
  try {
    const counts = await importByteBatches(ctx, batches, {
      importId,
      photos,
      onProgress: async (c) => {
        last = c;
        await ctx.db.updateTable('outreach_imports').set(countColumns(c)).where('id', '=', importId).execute();
        onProgress?.(c);
      },
    });
    await finishImportRun(ctx, importId, counts, null);
    return counts;
  } catch (e) {
    const counts: ImportCounts = last ?? emptyCounts();
    await finishImportRun(ctx, importId, counts, reason(e)).catch((err: unknown) => ctx.logger.error({ err, importId }, 'could not record a failed import'));
    throw e;
  }
}
