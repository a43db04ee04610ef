import type { AdRecord } from '../types.ts';
import { readLineBatches, type LineBatch } from './jsonl-lines.ts';
import { parseAdLine, type MalformedLine } from './parse-ad-line.ts';

export type { MalformedLine } from './parse-ad-line.ts';

/** The ads of one batch of lines, in input order, with the lines that had to be skipped. */
export type AdBatch = { ads: AdRecord[]; malformed: MalformedLine[]; lines: number };

/** Parses one batch of lines; blank lines are skipped silently (they are not records). */
export function parseLineBatch(batch: LineBatch): AdBatch {
  const ads: AdRecord[] = [];
  const malformed: MalformedLine[] = [];
  const { lines, firstLine } = batch;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (isBlank(text)) continue;
    const parsed = parseAdLine(text);
    if (parsed.ok) ads.push(parsed.ad);
    else malformed.push({ line: firstLine + i, problem: parsed.problem });
  }
  return { ads, malformed, lines: lines.length };
}

export function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  // Records start with "{"; only lines starting with whitespace need the slower check.
  if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  return s.trim().length === 0;
}

/**
 * Streams the ads of a JSON Lines file in batches (about `targetBytes` of input each). Malformed lines
 * are reported through `onMalformed` (and in each batch) and skipped; reading never stops for them.
 */
export async function* readAds(
  path: string,
  opts: { targetBytes?: number; onMalformed?: (m: MalformedLine) => void } = {},
): AsyncGenerator<AdBatch> {
  for await (const lineBatch of readLineBatches(path, opts.targetBytes)) {
    const batch = parseLineBatch(lineBatch);
    if (opts.onMalformed) for (const m of batch.malformed) opts.onMalformed(m);
    yield batch;
  }
}

/** Reads a whole (small) file into memory: ads and malformed lines. */
export async function readAllAds(path: string): Promise<{ ads: AdRecord[]; malformed: MalformedLine[] }> {
  const ads: AdRecord[] = [];
  const malformed: MalformedLine[] = [];
  for await (const b of readAds(path)) {
    for (const a of b.ads) ads.push(a);
    for (const m of b.malformed) malformed.push(m);
  }
  return { ads, malformed };
}
