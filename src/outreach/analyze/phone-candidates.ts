import { C_DIGIT, C_LETTER, C_SPACE, charClass } from './char-tables.ts';
import type { NumberSpan } from './persona.ts';

/**
 * Finds runs of digits in normalised text that may be phone numbers, however they were written:
 * ASCII digits (other digit forms were mapped to ASCII by normaliseText, which reports them),
 * spelled-out digits ("nul zes", "zero six", "cero seis"), letters used as digits inside a run
 * (O/o -> 0, l/I/| -> 1, S -> 5, B -> 8) and any separators between them (spaces, dots, dashes,
 * slashes, underscores, brackets, "*", emoji ...). A run stops at a letter, a line break or a gap
 * longer than MAX_GAP characters. Each token remembers how it was written, so the phone parser can
 * tell plain numbers from obfuscated ones.
 */

export const enum TokenKind {
  Plain = 0, // an ASCII digit
  Converted = 1, // a digit written in another form (keycap, full-width, circled, other script)
  Word = 2, // a spelled-out digit
  Letter = 3, // a letter used as a digit
}

export type DigitToken = {
  start: number;
  end: number;
  digit: number;
  kind: TokenKind;
  /** Characters between the previous token and this one (0 = adjacent). */
  gap: number;
  /** The gap contains something other than plain phone punctuation (space . - / ( )). */
  oddGap: boolean;
  /** A "+" stands right before this token (a second number in the same run: ".../ +32 ..."). */
  plus: boolean;
};

export type DigitRun = { tokens: DigitToken[]; plus: boolean };

export type DigitWordHit = { start: number; end: number; digit: number };

const MAX_GAP = 5;
const DIGIT_RE = /[0-9]/g;
export const MIN_RUN_DIGITS = 8;

const LETTER_DIGITS: Record<number, number> = { 79: 0, 111: 0, 108: 1, 73: 1, 124: 1, 83: 5, 66: 8 }; // O o l I | S B

function isLetter(code: number): boolean {
  return (charClass[code]! & C_LETTER) !== 0;
}

/** May stand between the digits of one number: not a letter, digit, line break or ":". */
function isGapChar(code: number): boolean {
  return (charClass[code]! & (C_LETTER | C_DIGIT)) === 0 && code !== 10 && code !== 13 && code !== 58 && code !== 124;
}

function isPlainGapChar(code: number): boolean {
  return code === 32 || code === 45 || code === 46 || code === 47 || code === 40 || code === 41;
}

// Cursor state of the current scan (module level: closures inside hot functions cost a
// defineProperty per call under tsx's keepNames).
let scanText = '';
let scanWords: DigitWordHit[] = [];
let scanMarks: number[] = [];
let wordIndex = 0;
let markIndex = 0;

function wordAt(at: number): DigitWordHit | undefined {
  while (wordIndex < scanWords.length && scanWords[wordIndex]!.start < at) wordIndex++;
  const hit = scanWords[wordIndex];
  return hit && hit.start === at ? hit : undefined;
}

function isMarked(at: number): boolean {
  while (markIndex < scanMarks.length && scanMarks[markIndex]! < at) markIndex++;
  return scanMarks[markIndex] === at;
}

/**
 * A letter used as a digit: part of a run of such letters (O o l I | S B) with no other letter
 * around it, directly touching a digit, or (inside a run) followed by a digit after a short gap.
 */
function letterDigitAt(at: number, inRun: boolean): number {
  const text = scanText;
  const n = text.length;
  const value = LETTER_DIGITS[text.charCodeAt(at)];
  if (value === undefined) return -1;
  let from = at;
  while (from > 0 && LETTER_DIGITS[text.charCodeAt(from - 1)] !== undefined) from--;
  let to = at + 1;
  while (to < n && LETTER_DIGITS[text.charCodeAt(to)] !== undefined) to++;
  const before = from > 0 ? text.charCodeAt(from - 1) : 32;
  const after = to < n ? text.charCodeAt(to) : 32;
  if (isLetter(before) || isLetter(after)) return -1;
  if ((charClass[after]! & C_DIGIT) !== 0 || (charClass[before]! & C_DIGIT) !== 0) return value;
  if (!inRun) return -1;
  // inside a run: followed by a digit or a spelled digit after a short gap ...
  for (let g = to; g < n && g - to <= MAX_GAP; g++) {
    const c = text.charCodeAt(g);
    if ((charClass[c]! & C_DIGIT) !== 0 || wordStartsAt(g)) return value;
    if (isLetter(c) || c === 10 || c === 58) break;
  }
  // ... or ending the number ("... 6 3 ol"); a lone "I" or "o" there is a word ("I am", "o" = or)
  const single = to - from === 1 ? text.charCodeAt(from) : 0;
  return single === 73 || single === 111 ? -1 : value;
}

/** A spelled-out digit starts at `at` (does not move the cursor). */
function wordStartsAt(at: number): boolean {
  for (let k = wordIndex; k < scanWords.length; k++) {
    const start = scanWords[k]!.start;
    if (start === at) return true;
    if (start > at) return false;
  }
  return false;
}

function tokenAt(at: number, inRun: boolean): DigitToken | undefined {
  const code = scanText.charCodeAt(at);
  if ((charClass[code]! & C_DIGIT) !== 0) {
    return { start: at, end: at + 1, digit: code - 48, kind: isMarked(at) ? TokenKind.Converted : TokenKind.Plain, gap: 0, oddGap: false, plus: false };
  }
  if (isLetter(code)) {
    const word = wordAt(at);
    if (word) return { start: at, end: word.end, digit: word.digit, kind: TokenKind.Word, gap: 0, oddGap: false, plus: false };
  }
  const letter = letterDigitAt(at, inRun);
  if (letter >= 0) return { start: at, end: at + 1, digit: letter, kind: TokenKind.Letter, gap: 0, oddGap: false, plus: false };
  return undefined;
}

/**
 * All digit runs of `text`, short ones included (ages and prices are read from them too).
 * @param text normalised text (case preserved)
 * @param obfuscatedDigits sorted offsets of digits that were written in another form
 * @param words spelled-out digit hits, sorted by start
 */
export function findDigitRuns(text: string, obfuscatedDigits: number[], words: DigitWordHit[]): DigitRun[] {
  scanText = text;
  scanWords = words;
  scanMarks = obfuscatedDigits;
  wordIndex = 0;
  markIndex = 0;
  const runs: DigitRun[] = [];
  const n = text.length;
  let i = 0;
  let w = 0; // next spelled-out digit word
  while (i < n) {
    // Jump to the next place a run can start: an ASCII digit (found natively) or a digit word.
    DIGIT_RE.lastIndex = i;
    const digit = DIGIT_RE.exec(text);
    let at = digit ? digit.index : n;
    while (w < words.length && words[w]!.start < i) w++;
    if (w < words.length && words[w]!.start < at) at = words[w]!.start;
    if (at >= n) break;
    // letters used as digits just before the first digit or spelled digit ("O6 1234 5678",
    // "OO31 6...", "o, six, five ...")
    let g = at;
    while (g > i && at - g < MAX_GAP && isGapChar(text.charCodeAt(g - 1))) g--;
    let back = g;
    while (back > i && LETTER_DIGITS[text.charCodeAt(back - 1)] !== undefined) back--;
    const extended = back < g && letterDigitAt(back, true) >= 0;
    if (extended) at = back;
    const first = tokenAt(at, extended);
    if (!first) {
      i = at + 1;
      continue;
    }
    const tokens = [first];
    let j = first.end;
    for (;;) {
      let g = j;
      let odd = false;
      let plusSign = false;
      let next: DigitToken | undefined;
      while (g < n && g - j <= MAX_GAP) {
        next = tokenAt(g, true);
        if (next) break;
        const c = text.charCodeAt(g);
        if (isLetter(c) || c === 10 || c === 13 || c === 58) break; // ":" separates times ("10:00-22:00")
        // a sentence ends right after the number ("... 8795. 140 euro"); " . " inside a number does not
        if (g === j && (c === 46 || c === 33 || c === 63) && g + 1 < n && (charClass[text.charCodeAt(g + 1)]! & C_SPACE) !== 0) break;
        if (!isPlainGapChar(c)) odd = true;
        if (c === 43) plusSign = true;
        g++;
      }
      if (!next) break;
      const gap = g - j;
      next.gap = gap;
      next.oddGap = gap > 0 && (odd || gap > 3 || nonSpaces(text, j, g) > 2);
      next.plus = plusSign;
      tokens.push(next);
      j = next.end;
    }
    first.plus = tokens.length >= MIN_RUN_DIGITS && hasPlusBefore(text, first.start);
    runs.push({ tokens, plus: first.plus });
    i = j > at ? j : at + 1;
  }
  scanText = '';
  scanWords = [];
  scanMarks = [];
  return runs;
}

/** Numbers of up to 6 adjacent ASCII digits (ages, prices, times). */
export function numbersOf(runs: DigitRun[]): NumberSpan[] {
  const numbers: NumberSpan[] = [];
  for (const run of runs) {
    const tokens = run.tokens;
    let k = 0;
    while (k < tokens.length) {
      if (tokens[k]!.kind === TokenKind.Word || tokens[k]!.kind === TokenKind.Letter) {
        k++;
        continue;
      }
      let value = tokens[k]!.digit;
      let j = k + 1;
      while (j < tokens.length && tokens[j]!.gap === 0 && (tokens[j]!.kind === TokenKind.Plain || tokens[j]!.kind === TokenKind.Converted)) {
        value = value * 10 + tokens[j]!.digit;
        j++;
      }
      if (j - k <= 6) numbers.push({ start: tokens[k]!.start, end: tokens[j - 1]!.end, value });
      k = j;
    }
  }
  return numbers;
}

function nonSpaces(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) count++;
  return count;
}

/** "+" or the word "plus" just before the run, possibly with a few separators in between. */
function hasPlusBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && at - i < 3 && isGapChar(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 43) i--;
  if (i > 0 && text.charCodeAt(i - 1) === 43) return true;
  if (i >= 4 && /^plus$/i.test(text.slice(i - 4, i)) && (i === 4 || !isLetter(text.charCodeAt(i - 5)))) return true;
  // "+ / 3 / 4": look a little further for a "+" alone
  let j = i;
  while (j > 0 && at - j < MAX_GAP && isGapChar(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 43) j--;
  return j > 0 && text.charCodeAt(j - 1) === 43;
}
