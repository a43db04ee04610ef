import type { AdRecord } from '../types.ts';
import { foldText } from './char-tables.ts';
import type { CompiledConfig } from './compile-config.ts';
import { classifyHits } from './lexicon-hits.ts';
import { normaliseText } from './normalise.ts';
import { findDigitRuns, type DigitRun } from './phone-candidates.ts';
import { parseDigits, parseRuns, type PhoneMatch, type toRegion } from './phones.ts';

/** A listed phone that is only digits (8 to 17, the lengths a number can have), with an optional "+". */
const PLAIN_PHONE = /^\s*(\+?)([0-9]{8,17})\s*$/;
const NO_REGIONS: readonly ReturnType<typeof toRegion>[] = [];

export type Phones = { matches: PhoneMatch[]; e164: string[]; obfuscated: string[]; recordEvidence: string | null };

/**
 * The ad's phone numbers: those given in the record's `phones` (normalised and de-obfuscated like
 * the text; their spans are 0-0, they are not in the text), else those found in the text, plus
 * WhatsApp links.
 */
export function findPhones(record: AdRecord, runs: DigitRun[], whatsapp: string[], region: ReturnType<typeof toRegion>, compiled: CompiledConfig): Phones {
  const matches: PhoneMatch[] = [];
  let recordEvidence: string | null = null;
  const given = Array.isArray(record.phones) ? record.phones.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  for (const written of given) {
    // Most listed phones are plain digits, often E.164: read directly when the whole string is one
    // valid number (what the general path below tries first for such a string, with the same cache).
    const plain = written.length <= 200 ? PLAIN_PHONE.exec(written) : null;
    if (plain !== null) {
      const e164 = parseDigits(plain[2]!, plain[1] === '+', region, NO_REGIONS);
      if (e164) {
        matches.push({ e164, obfuscated: false, start: 0, end: 0 });
        continue;
      }
    }
    const n = normaliseText(written.length > 200 ? written.slice(0, 200) : written);
    const words = classifyHits(compiled.digitMatcher.match(foldText(n.text), false)).digits;
    const before = matches.length;
    parseRuns(findDigitRuns(n.text, n.obfuscatedDigits, words), region, compiled.fallbackRegions, matches);
    for (let i = before; i < matches.length; i++) {
      matches[i]!.start = 0;
      matches[i]!.end = 0; // not a span of the ad text
      if (matches[i]!.obfuscated) recordEvidence ??= written.trim().slice(0, 120);
    }
  }
  if (matches.length === 0) parseRuns(runs, region, compiled.fallbackRegions, matches);
  for (const digits of whatsapp) {
    const e164 = parseDigits(digits, true, region, compiled.fallbackRegions);
    if (e164) matches.push({ e164, obfuscated: false, start: 0, end: 0 });
  }
  const e164: string[] = [];
  const obfuscated: string[] = [];
  for (const m of matches) {
    if (!e164.includes(m.e164)) e164.push(m.e164);
    if (m.obfuscated && !obfuscated.includes(m.e164)) obfuscated.push(m.e164);
  }
  return { matches, e164, obfuscated, recordEvidence };
}
