import { bmpMatching, C_DIGIT, C_LETTER, charClass } from './char-tables.ts';
import type { Mask } from './contacts.ts';

/**
 * Text for near-duplicate detection: the folded text (lower-case, Latin diacritics stripped) with
 * identifiers and persona details replaced by placeholders, so that reposts and operator templates
 * with rotated phones, names and cities still look alike:
 *   <phone> <email> <handle> <url> <name> <city>, and <num> for any other number.
 * Punctuation, symbols and emoji become spaces; whitespace is collapsed. Letters of every script are
 * kept as they are (Thai, Cyrillic, Han ...): the clustering shingles characters, not words.
 *
 * One pass over the text into a reusable buffer (regex replaces with Unicode classes cost several
 * times more per ad).
 */

const utf16 = new TextDecoder('utf-16le');
let buffer = new Uint16Array(2048);
const NUM = codes('<num>');
const tokenCodes = new Map<string, Uint16Array>();

function codes(text: string): Uint16Array {
  return Uint16Array.from(text, (c) => c.charCodeAt(0));
}

export function buildTemplateText(folded: string, masks: Mask[]): string {
  const n = folded.length;
  // Room for the worst case, so the loop needs no checks: a digit between two letters ("a1b") becomes
  // " <num> " (7 units for 2 characters), and a mask writes its placeholder with a space on each side.
  let room = 4 * n + 64;
  for (let k = 0; k < masks.length; k++) room += masks[k]![2].length + 2;
  if (buffer.length < room) buffer = new Uint16Array(room);
  const buf = buffer;
  if (masks.length > 1) masks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = 0;
  let space = true; // the last written character was a space (or nothing yet)
  let m = 0;
  let nextMask = masks.length > 0 ? masks[0]![0] : n;
  const table = charClass;
  for (let i = 0; i < n; ) {
    if (i >= nextMask) {
      const mask = masks[m]!;
      const end = mask[1];
      m++;
      while (m < masks.length && masks[m]![0] < end) m++; // overlapping masks
      nextMask = m < masks.length ? masks[m]![0] : n;
      out = writeToken(buf, out, space, tokenCodes.get(mask[2]) ?? cacheToken(mask[2]));
      space = true;
      if (end > i) i = end;
      continue;
    }
    const c = folded.charCodeAt(i);
    const cls = table[c]!;
    if ((cls & C_LETTER) !== 0) {
      buf[out++] = c;
      space = false;
      i++;
    } else if ((cls & C_DIGIT) !== 0) {
      out = writeToken(buf, out, space, NUM);
      space = true;
      i++;
      while (i < n && i < nextMask && (table[folded.charCodeAt(i)]! & C_DIGIT) !== 0) i++;
    } else {
      if (!space) {
        buf[out++] = 32;
        space = true;
      }
      i++;
    }
  }
  if (out > 0 && buf[out - 1] === 32) out--;
  return utf16.decode(buf.subarray(0, out));
}

function writeToken(buf: Uint16Array, out: number, space: boolean, token: Uint16Array): number {
  let at = out;
  if (!space && at > 0) buf[at++] = 32;
  buf.set(token, at);
  at += token.length;
  buf[at++] = 32;
  return at;
}

function cacheToken(token: string): Uint16Array {
  const value = codes(token);
  tokenCodes.set(token, value);
  return value;
}

/** Masks every whole-word occurrence of `words` (already folded) in `folded`. */
export function maskWords(folded: string, words: string[], token: string, masks: Mask[]): void {
  for (const word of words) {
    if (word.length < 2) continue;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const end = at + word.length;
      const before = at > 0 ? wordUnit[folded.charCodeAt(at - 1)]! : 0;
      const after = end < folded.length ? wordUnit[folded.charCodeAt(end)]! : 0;
      if (before === 0 && after === 0) masks.push([at, end, token]);
    }
  }
}
/** Code units of letters, marks and numbers (\p{L}, \p{M}, \p{N}); 0 for surrogates, as a regex test of one unit gives. */
const wordUnit = bmpMatching('[\\p{L}\\p{M}\\p{N}]');
