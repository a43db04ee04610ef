import fs from 'node:fs/promises';
import path from 'node:path';
import { assertCan } from '../../access/can.ts';
import type { Ctx } from '../../context.ts';
import { readByteBatches } from '../../outreach/io/jsonl-lines.ts';
import { PhotoFiles } from '../../outreach/io/photo-files.ts';
import type { ImportCounts } from './import-lines.ts';
import { selectImports } from './import-query.ts';
import { createImportRun, runImport } from './import-runs.ts';
import { presentImport } from './present-import.ts';

/**
 * Imports a JSON Lines file from disk directly (`baken outreach import`), without the job queue and
 * without storing the file: read in batches of lines, progress through `onProgress`. Photos listed as
 * local files (`images`) are hashed, relative to the file's folder.
 */
export async function importFile(ctx: Ctx, input: { file: string; onProgress?: (counts: ImportCounts, totalBytes: number) => void }) {
  assertCan(ctx.actor, 'import', 'outreach-ad');
  const file = path.resolve(input.file);
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new Error(`${file} is not a file`);
  const id = await createImportRun(ctx, { channel: 'cli', fileName: path.basename(file), totalBytes: stat.size, status: 'running' });
  // Photos listed as files are read from the machine the file is on (uploads and the API cannot).
  await runImport(ctx, id, readByteBatches(file, 256 * 1024), (c) => input.onProgress?.(c, stat.size), new PhotoFiles(path.dirname(file)));
  return presentImport(await selectImports(ctx.db).where('i.id', '=', id).executeTakeFirstOrThrow());
}
