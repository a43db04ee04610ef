/**
 * One batch of ads into the database (the core of every import: upload job, CLI, ingestion API, demo).
 * CONTRACT (other modules build on it):
 *   importAdBatch(ctx, records, { importId }) -> { created, updated, unchanged, clustersTouched }
 * - assertCan(ctx.actor, 'import', 'outreach-ad'); records are already parsed (io/parse-ad-line.ts);
 *   the caller splits input into batches (up to about 1,000 records) and reports malformed lines itself.
 * - idempotent by (source, id): the same record again only moves last_seen_at; a changed record gets a
 *   new version (the old one stays in outreach_ad_versions); new ads are inserted.
 * - new and changed ads join existing clusters incrementally (incremental-cluster.ts).
 */
import type { Ctx } from '../../context.ts';
import type { AdRecord } from '../../outreach/types.ts';

export type ImportBatchResult = { created: number; updated: number; unchanged: number; clustersTouched: number };

export async function importAdBatch(_ctx: Ctx, _records: readonly AdRecord[], _opts: { importId: string | null }): Promise<ImportBatchResult> {
  throw new Error('importAdBatch: being written');
}
