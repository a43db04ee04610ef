import { eachLine, type ByteBatch } from './io/jsonl-lines.ts';
import { parseAdLine } from './io/parse-ad-line.ts';
import { isBlank, type MalformedLine } from './io/read-ads.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/** The per-ad analyser (analyze/analyze-ad.ts, or a stand-in loaded from a module URL). */
export type Analyze = (record: AdRecord, index: number) => AdFeatures;

/**
 * Decodes, parses and analyses the lines of a batch one at a time, handing each ad's features to `emit`
 * (indexes local to the batch) and each malformed line to `onMalformed`, in input order. Nothing of a
 * line outlives its turn unless `emit` keeps it.
 */
export function analyzeLines(analyzeAd: Analyze, raw: ByteBatch, emit: (f: AdFeatures) => void, onMalformed: (m: MalformedLine) => void): void {
  let i = 0;
  eachRecord(raw, (ad) => emit(analyzeAd(ad, i++)), onMalformed);
}

/** Decodes and parses the lines of a batch one at a time, handing each valid record to `onRecord`. */
export function eachRecord(raw: ByteBatch, onRecord: (ad: AdRecord) => void, onMalformed: (m: MalformedLine) => void): void {
  eachLine(raw, (text, line) => {
    if (isBlank(text)) return;
    const parsed = parseAdLine(text);
    if (parsed.ok) onRecord(parsed.ad);
    else onMalformed({ line, problem: parsed.problem });
  });
}
