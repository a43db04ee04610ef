import { eachLine, type ByteBatch } from './io/jsonl-lines.ts';
import { parseAdLine } from './io/parse-ad-line.ts';
import { PhotoFiles, type PhotoProblem } from './io/photo-files.ts';
import { isBlank, type MalformedLine } from './io/read-ads.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/** The per-ad analyser (analyze/analyze-ad.ts, or a stand-in loaded from a module URL). */
export type Analyze = (record: AdRecord, index: number) => AdFeatures;

/** Decodes and parses the lines of a batch one at a time, handing each valid record to `onRecord`. */
export function eachRecord(raw: ByteBatch, onRecord: (ad: AdRecord) => void, onMalformed: (m: MalformedLine) => void): void {
  eachLine(raw, (text, line) => {
    if (isBlank(text)) return;
    const parsed = parseAdLine(text);
    if (parsed.ok) onRecord(parsed.ad);
    else onMalformed({ line, problem: parsed.problem });
  });
}

/**
 * Hands each valid record of a batch to `onRecord` in input order, and each malformed line to
 * `onMalformed`. A batch whose records list photo files (`images`) is parsed whole first and its photos
 * hashed (photo-files.ts); any other is read one line at a time, synchronously.
 */
export async function eachRecordOf(
  raw: ByteBatch,
  photos: PhotoFiles,
  onRecord: (ad: AdRecord) => void,
  onMalformed: (m: MalformedLine) => void,
  onPhotoProblem: (p: PhotoProblem) => void,
): Promise<void> {
  if (!PhotoFiles.mayList(raw)) return eachRecord(raw, onRecord, onMalformed);
  const batch = await photos.readBatch(raw, onPhotoProblem);
  for (const m of batch.malformed) onMalformed(m);
  for (const record of batch.records) onRecord(record);
}
