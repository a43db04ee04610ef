/**
 * Shingles of a template text as 32-bit hashes, written into a reusable buffer (no string per shingle).
 *
 * - Word bigrams (consecutive tokens) for every script written with spaces (Latin, Cyrillic, Greek,
 *   Arabic, Hangul ...): the near-duplicate unit InfoShield-style template detection works on, and one
 *   cheap pass over the characters.
 * - Character n-grams inside runs of scripts written without spaces (Thai, Lao, Khmer, Myanmar, Chinese,
 *   Japanese), where a "token" is a whole phrase or sentence; consistently sampled (kept when the hash has
 *   `charSampleBits` low zero bits) so that a sentence does not weigh several times a Latin one.
 * Letters of any script and digits are text; ASCII/Latin-1 punctuation, general punctuation, symbols,
 * CJK punctuation, emoji (surrogates), variation selectors and zero-width characters separate tokens.
 */
import { fmix32 } from './hash.ts';

const CHAR_SALT = 0x5bd1e995;
const WORD_SALT = 0x27d4eb2f;
const BASE = 0x01000193;

/** True for code units that belong to words (letters of any script, digits). */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats, zero-width
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  if (c >= 0xff00 && c <= 0xff20) return false; // full-width punctuation and digits (normalised upstream)
  if (c >= 0xfff0) return false;
  return true;
}

/** Scripts written without spaces between words. */
export function isNoSpaceScript(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) || // Khmer
    (c >= 0x2e80 && c <= 0x2fff) || // CJK radicals
    (c >= 0x3040 && c <= 0x30ff) || // Hiragana, Katakana
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xf900 && c <= 0xfaff) // CJK compatibility ideographs
  );
}

/** Cheap lower-casing for ASCII, Latin-1 and basic Cyrillic; other scripts are taken as normalised. */
export function lowerUnit(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

/**
 * Code unit -> lower-cased code unit (bits 0-15) plus NOSPACE_BIT for scripts without spaces, or 0 for
 * separators: one table lookup per character.
 */
const NOSPACE_BIT = 0x10000;
const UNIT = (() => {
  const t = new Int32Array(65536);
  for (let c = 1; c < 65536; c++) if (isWordUnit(c)) t[c] = lowerUnit(c) | (isNoSpaceScript(c) ? NOSPACE_BIT : 0);
  return t;
})();

/** A growable Uint32 buffer reused across texts. */
export class ShingleBuffer {
  buf = new Uint32Array(1024);
  /** Shingles of the last text before sampling (word bigrams + character n-grams). */
  total = 0;
  ensure(n: number): void {
    if (this.buf.length < n) this.buf = new Uint32Array(Math.max(n, this.buf.length * 2));
  }
}

const ring = new Int32Array(16);

/**
 * Writes the shingle hashes of `text` into `out.buf`, returns how many were written and sets
 * `out.total` (the count before sampling). Duplicates are possible (a repeated phrase); MinHash is
 * insensitive to them.
 */
export function shingleText(text: string, out: ShingleBuffer, charN: number, charSampleBits = 0): number {
  const len = text.length;
  out.ensure(len + 4);
  const buf = out.buf;
  const n = Math.min(Math.max(charN | 0, 1), ring.length);
  const sampleMask = (1 << Math.min(Math.max(charSampleBits | 0, 0), 8)) - 1;
  let topPow = 1; // BASE^(n-1) mod 2^32, to roll the oldest unit out of the window
  for (let i = 1; i < n; i++) topPow = Math.imul(topPow, BASE);

  let count = 0;
  let total = 0;
  let tok = 0x811c9dc5;
  let tokLen = 0;
  let prevTok = 0;
  let tokens = 0;
  let run = 0; // length of the current run of no-space-script units
  let slot = 0;
  let roll = 0;
  let runHash = 0;

  for (let i = 0; i <= len; i++) {
    const c = i < len ? UNIT[text.charCodeAt(i)]! : 0;
    if (c >= NOSPACE_BIT) {
      if (run >= n) roll = (roll - Math.imul(ring[slot]!, topPow)) | 0;
      roll = (Math.imul(roll, BASE) + c) | 0;
      ring[slot] = c;
      slot = slot + 1 === n ? 0 : slot + 1;
      run++;
      if (run >= n) {
        total++;
        const h = fmix32((roll ^ CHAR_SALT) >>> 0);
        if ((h & sampleMask) === 0) buf[count++] = h;
      }
    } else if (run > 0) {
      // A run shorter than one n-gram still counts as one shingle.
      if (run < n) {
        total++;
        buf[count++] = fmix32((roll ^ CHAR_SALT ^ run) >>> 0);
      }
      runHash = roll;
      run = 0;
      slot = 0;
      roll = 0;
    }
    if (c !== 0) {
      tok = Math.imul(tok ^ c, 0x01000193);
      tokLen++;
      continue;
    }
    if (tokLen > 0) {
      const t = tok >>> 0;
      if (tokens > 0) {
        total++;
        buf[count++] = fmix32((Math.imul(prevTok, 0x9e3779b1) ^ t ^ WORD_SALT) >>> 0);
      }
      prevTok = t;
      tokens++;
      tok = 0x811c9dc5;
      tokLen = 0;
    }
  }
  // A one-word text still gets one shingle.
  if (tokens === 1 && total === 0) {
    total = 1;
    buf[count++] = fmix32((prevTok ^ WORD_SALT ^ runHash) >>> 0);
  }
  out.total = total;
  return count;
}
