import type { Ctx } from '../../context.ts';
import { eachLine, type ByteBatch } from '../../outreach/io/jsonl-lines.ts';
import { PhotoFiles, type PhotoProblem } from '../../outreach/io/photo-files.ts';
import { isBlank } from '../../outreach/io/read-ads.ts';
import { parseAdLine } from '../../outreach/io/parse-ad-line.ts';
import type { AdRecord } from '../../outreach/types.ts';
import { importAdBatch } from './import-ads.ts';
import { MAX_IMPORT_PROBLEMS, safeProblem, type ImportProblem } from './import-problems.ts';

/** Records handed to importAdBatch at a time. */
export const IMPORT_BATCH_SIZE = 500;

export type ImportCounts = {
  processedBytes: number;
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  malformed: number;
  /** Clusters created or changed, summed over batches (a cluster changed by two batches counts twice). */
  clustersTouched: number;
  /** The first MAX_IMPORT_PROBLEMS malformed lines, without the offending values. */
  problems: ImportProblem[];
};

export const emptyCounts = (): ImportCounts => ({ processedBytes: 0, lines: 0, created: 0, updated: 0, unchanged: 0, malformed: 0, clustersTouched: 0, problems: [] });

/** Adds one importAdBatch call to the counts. */
export async function importRecords(ctx: Ctx, records: readonly AdRecord[], importId: string | null, counts: ImportCounts): Promise<void> {
  for (let i = 0; i < records.length; i += IMPORT_BATCH_SIZE) {
    const r = await importAdBatch(ctx, records.slice(i, i + IMPORT_BATCH_SIZE), { importId });
    counts.created += r.created;
    counts.updated += r.updated;
    counts.unchanged += r.unchanged;
    counts.clustersTouched += r.clustersTouched;
  }
}

/**
 * Streams JSON Lines (docs/ad-format.md) into the database: each batch of lines is parsed (malformed
 * lines are counted, the first ones kept with their line number, and skipped), imported with
 * importAdBatch, and reported through `onProgress` with the bytes done so far. Idempotent like
 * importAdBatch: running the same input again changes only last-seen times. With `photos` (a local
 * file's import), photos listed as files are hashed into `imageHashes` first (photo-files.ts); a photo
 * that cannot be used is kept as a problem of its line (without its path) and the ad is imported
 * without it.
 */
export async function importByteBatches(
  ctx: Ctx,
  batches: AsyncIterable<ByteBatch> | Iterable<ByteBatch>,
  opts: { importId: string | null; onProgress?: (counts: ImportCounts) => Promise<void> | void; photos?: PhotoFiles },
): Promise<ImportCounts> {
  const counts = emptyCounts();
  const malformed = (line: number, problem: string) => {
    counts.malformed++;
    if (counts.problems.length < MAX_IMPORT_PROBLEMS) counts.problems.push({ line, message: safeProblem(problem) });
  };
  const photoProblem = (p: PhotoProblem) => {
    if (counts.problems.length < MAX_IMPORT_PROBLEMS) counts.problems.push({ line: p.line, message: `a listed photo was not used: ${p.problem.split(' (')[0]}` });
  };
  for await (const batch of batches) {
    let records: AdRecord[] = [];
    if (opts.photos && PhotoFiles.mayList(batch)) {
      const read = await opts.photos.readBatch(batch, photoProblem);
      for (const m of read.malformed) malformed(m.line, m.problem);
      records = read.records;
      counts.lines = batch.firstLine + batch.lineCount - 1;
    } else {
      eachLine(batch, (text, line) => {
        counts.lines = line;
        if (isBlank(text)) return;
        const parsed = parseAdLine(text);
        if (parsed.ok) records.push(parsed.ad);
        else malformed(line, parsed.problem);
      });
    }
    await importRecords(ctx, records, opts.importId, counts);
    counts.processedBytes += batch.bytes.length;
    await opts.onProgress?.(counts);
  }
  return counts;
}
