import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js/max';

// The CommonJS build of the same package and metadata: loading the ES module build meant some eighty
// small modules, each through the TypeScript loader's hooks, in the main thread and in every analysis
// worker (measured 0.1-0.3 s more per thread at start).
const { isSupportedCountry, parsePhoneNumberFromString } = createRequire(import.meta.url)('libphonenumber-js/max') as typeof import('libphonenumber-js/max');
import { DigitsCache } from './digits-cache.ts';
import { MIN_RUN_DIGITS, TokenKind, type DigitRun, type DigitToken } from './phone-candidates.ts';

/**
 * Turns digit runs into E.164 numbers with libphonenumber-js ("max" metadata: it validates number
 * patterns per region, so prices, dates and IDs are rejected; "min" only checks lengths and accepted
 * e.g. +31123456789. Measured on this machine: parse + isValid ~15 us with max, ~13.6 us with min).
 * libphonenumber is the most expensive step of per-ad analysis, so results are cached per
 * (region, digits): phone numbers repeat across ads.
 *
 * A run that is not one valid number is segmented at its gaps ("bel een 06 1234 5678" ->
 * "0612345678"; two numbers in one line -> both). A phone is "obfuscated" when any of its digits was
 * spelled out, written as a letter or in a non-ASCII form, when an unusual separator sits between its
 * digits (emoji, "*", "_", long gaps), or when it is spaced out digit by digit.
 */

export type PhoneMatch = { e164: string; obfuscated: boolean; start: number; end: number };

const MAX_DIGITS = 17; // 15 (E.164) + international prefix "00"
const MAX_ATTEMPTS = 12;
const CACHE_LIMIT = 200_000;
/**
 * Answers per reading context (region, whether neighbouring regions may be tried, whether a "+" was
 * written) and digits: '' = not a number. A context is a small number, so a lookup builds no key string
 * (building "NL* 0612345678" per attempt cost as much as a third of a lookup).
 */
const cache = new DigitsCache(CACHE_LIMIT);
const contexts = new Map<string, number>();

function contextOf(region: CountryCode, fallback: boolean, plus: boolean): number {
  const key = `${region}${fallback ? '*' : ''}${plus ? '+' : ' '}`;
  let context = contexts.get(key);
  if (context === undefined) {
    context = contexts.size;
    contexts.set(key, context);
  }
  return context;
}
// The last context looked up: ads of one region ask for the same few contexts over and over.
let lastRegion = '';
let lastFlags = -1;
let lastContext = 0;

function tryParse(text: string, region: CountryCode | undefined): string {
  const parsed = parsePhoneNumberFromString(text, region);
  return parsed && parsed.isValid() ? parsed.number : '';
}

/**
 * Readings that guess (a neighbouring region, a missing "+") must be mobile numbers: short
 * landline numbers of some regions (DE, BE) otherwise turn fragments and times into "phones".
 */
function tryParseMobile(text: string, region: CountryCode | undefined): string {
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed || !parsed.isValid()) return '';
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : '';
}

/** Empties the parse cache (measurements: each pass then pays for every distinct number once). */
export function clearPhoneCache(): void {
  cache.clear();
}

/** Distinct (region, digits) readings parsed since the cache was last emptied. */
export function phoneCacheSize(): number {
  return cache.size;
}

export function toRegion(country: string | undefined | null, fallback: string): CountryCode {
  // Ads name the same few countries over and over: answers are kept per fallback (bounded).
  if (fallback !== regionsFallback || regions.size >= 1024) {
    regions.clear();
    regionsFallback = fallback;
  }
  let region = regions.get(country);
  if (region === undefined) {
    const upper = (country ?? '').trim().toUpperCase();
    region = upper.length === 2 && isSupportedCountry(upper) ? upper : isSupportedCountry(fallback) ? fallback : 'NL';
    regions.set(country, region);
  }
  return region;
}
const regions = new Map<string | undefined | null, CountryCode>();
let regionsFallback = '';

/** E.164 for `digits` (with a leading "+" when written), or '' when not a valid number. Cached. */
export function parseDigits(digits: string, plus: boolean, region: CountryCode, fallbackRegions: readonly CountryCode[]): string {
  const flags = (fallbackRegions.length > 0 ? 1 : 0) | (plus ? 2 : 0);
  if (flags !== lastFlags || region !== lastRegion) {
    lastContext = contextOf(region, (flags & 1) !== 0, plus);
    lastFlags = flags;
    lastRegion = region;
  }
  const context = lastContext;
  const known = cache.get(context, digits);
  if (known !== undefined) return known;
  const result = parseUncached(digits, plus, region, fallbackRegions);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(context, digits, result);
  return result;
}

/** parseDigits without the cache (the reference the cache is tested against). */
export function parseUncached(digits: string, plus: boolean, region: CountryCode, fallbackRegions: readonly CountryCode[]): string {
  let result = '';
  if (plus) result = tryParse(`+${digits}`, undefined);
  else {
    result = tryParse(digits, region);
    // international number written without "+" ("31612345678")
    if (!result && digits.length >= 10 && digits[0] !== '0') result = tryParseMobile(`+${digits}`, undefined);
    // national number of a neighbouring country (ads cross borders)
    if (!result && digits[0] === '0' && digits[1] !== '0') {
      for (const other of fallbackRegions) {
        if (other === region) continue;
        result = tryParseMobile(digits, other);
        if (result) break;
      }
    }
  }
  return result;
}

/** Adds the valid phone numbers found in `runs` to `out`. */
export function parseRuns(
  runs: DigitRun[],
  region: CountryCode,
  fallbackRegions: readonly CountryCode[],
  out: PhoneMatch[],
): void {
  for (const run of runs) {
    if (run.tokens.length < MIN_RUN_DIGITS) continue;
    if (!run.tokens.some((t) => t.kind === TokenKind.Letter)) {
      parseTokens(run.tokens, run.plus, region, fallbackRegions, out);
      continue;
    }
    // "|", "I", "O" ... may be separators or words after all: prefer a reading in the ad's own region,
    // with or without them, over a reading that needs a neighbouring region.
    const withoutLetters = run.tokens.filter((t) => t.kind !== TokenKind.Letter);
    if (parseTokens(run.tokens, run.plus, region, NO_REGIONS, out)) continue;
    if (withoutLetters.length >= MIN_RUN_DIGITS && parseTokens(withoutLetters, run.plus, region, NO_REGIONS, out)) continue;
    if (fallbackRegions.length === 0) continue;
    if (parseTokens(run.tokens, run.plus, region, fallbackRegions, out)) continue;
    if (withoutLetters.length >= MIN_RUN_DIGITS) parseTokens(withoutLetters, run.plus, region, fallbackRegions, out);
  }
}

const NO_REGIONS: readonly CountryCode[] = [];

function parseTokens(
  tokens: DigitToken[],
  plus: boolean,
  region: CountryCode,
  fallbackRegions: readonly CountryCode[],
  out: PhoneMatch[],
): boolean {
  let digits = '';
  for (const t of tokens) digits += String.fromCharCode(48 + t.digit);
  // group boundaries: token indices where a gap starts a new group
  const bounds = [0];
  for (let k = 1; k < tokens.length; k++) if (tokens[k]!.gap > 0 || tokens[k]!.kind === TokenKind.Word || tokens[k]!.plus) bounds.push(k);
  bounds.push(tokens.length);
  let found = false;
  let attempts = 0;
  let start = 0;
  while (start < bounds.length - 1 && attempts < MAX_ATTEMPTS) {
    // a number found inside a run starts with 0 (national or international prefix) or after a "+":
    // a tail such as "9006 4073" of an invalid "+31 6 9006 4073" is not a phone of its own
    const startPlus = start === 0 ? plus : tokens[bounds[start]!]!.plus;
    if (start > 0 && !startPlus && digits.charCodeAt(bounds[start]!) !== 48) {
      start++;
      continue;
    }
    let matchedEnd = -1;
    // the ad's own region first, for every length; neighbouring regions only when nothing fits
    for (const regions of fallbackRegions.length > 0 ? [NO_REGIONS, fallbackRegions] : [NO_REGIONS]) {
      for (let end = bounds.length - 1; end > start && attempts < MAX_ATTEMPTS; end--) {
        const count = bounds[end]! - bounds[start]!;
        if (count < MIN_RUN_DIGITS || count > MAX_DIGITS) continue;
        attempts++;
        const e164 = parseDigits(digits.slice(bounds[start], bounds[end]), startPlus, region, regions);
        if (e164) {
          const first = bounds[start]!;
          const last = bounds[end]! - 1;
          out.push({ e164, obfuscated: isObfuscated(tokens, first, last), start: tokens[first]!.start, end: tokens[last]!.end });
          matchedEnd = end;
          found = true;
          break;
        }
      }
      if (matchedEnd > 0) break;
    }
    start = matchedEnd > 0 ? matchedEnd : start + 1;
  }
  return found;
}

function isObfuscated(tokens: DigitToken[], first: number, last: number): boolean {
  let singletons = 0;
  let groupSize = 0;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Plain) return true;
    if (k > first && t.oddGap) return true;
    if (k > first && t.gap > 0) {
      if (groupSize === 1) singletons++;
      groupSize = 0;
    }
    groupSize++;
  }
  if (groupSize === 1) singletons++;
  return singletons >= 5; // spaced out digit by digit
}
