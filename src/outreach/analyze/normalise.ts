/**
 * Text normalisation before extraction: Unicode NFKC, every digit form mapped to ASCII digits
 * (emoji keycaps, full-width, mathematical, circled/parenthesised/dingbat digits, superscripts and
 * the decimal digits of every script: Arabic-Indic, Thai, Devanagari ...), control characters to
 * spaces, zero-width characters and variation selectors removed.
 *
 * Digits that were written in any form other than plain ASCII are reported by position, because
 * writing a phone number that way is obfuscation (indicator 1 of the domain brief). Spelled-out
 * digits, letters used as digits and unusual separators are recognised later, by the phone scanner
 * (phone-candidates.ts), on the normalised text.
 */

import { bmpMatching } from './char-tables.ts';

export type NormalisedText = {
  text: string;
  /** Sorted offsets (in `text`) of ASCII digits that were written in another form. */
  obfuscatedDigits: number[];
};

const MARK = '\uE000'; // private-use marker placed after a converted digit; survives NFKC

const specialDigits = new Map<string, string>();

function buildSpecialDigits(): void {
  // Decimal digits of every script (\p{Nd}) in the BMP; NFKC leaves most of them alone.
  const nd = bmpMatching('\\p{Nd}');
  let runStart = -1;
  for (let cp = 0x80; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (nd[cp] === 1) {
      if (runStart < 0) runStart = cp;
      specialDigits.set(String.fromCharCode(cp), String((cp - runStart) % 10));
    } else runStart = -1;
  }
  // Characters whose compatibility decomposition contains digits: superscripts, subscripts, circled,
  // parenthesised, "digit full stop", mathematical and segmented digits.
  const ranges: [number, number][] = [
    [0xb2, 0xb3], [0xb9, 0xb9], [0x2070, 0x2089], [0x2460, 0x249b], [0x24ea, 0x24ea], [0x3251, 0x325f],
    [0x32b1, 0x32bf], [0x1d7ce, 0x1d7ff], [0x1f100, 0x1f10c], [0x1fbf0, 0x1fbf9],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const digits = ch.normalize('NFKC').replace(/[^0-9]/g, '');
      if (digits) specialDigits.set(ch, digits);
    }
  }
  // Dingbat and negative circled digits have no decomposition.
  const manual: [number, number, number][] = [
    [0x2776, 0x277f, 1], [0x2780, 0x2789, 1], [0x278a, 0x2793, 1], [0x24eb, 0x24f4, 11], [0x24f5, 0x24fe, 1],
  ];
  for (const [from, to, first] of manual) {
    for (let cp = from; cp <= to; cp++) specialDigits.set(String.fromCharCode(cp), String(first + cp - from));
  }
  specialDigits.set('\u24ff', '0');
  specialDigits.set('\u{1F51F}', '10'); // keycap ten
}
buildSpecialDigits();

function escapeForClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}

const specialRegex = new RegExp(
  `[${[...specialDigits.keys()].map(escapeForClass).join('')}` +
    '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f' + // controls
    '\\u00ad\\u200b-\\u200d\\u2060\\ufeff\\ufe0e\\ufe0f\\u20e3\\ue000]',
  'gu',
);

// Fast pre-check: which BMP code units need replaceSpecial, and which astral code points.
const specialBmp = new Uint8Array(65536);
const specialAstral = new Set<number>();
for (const key of specialDigits.keys()) {
  const cp = key.codePointAt(0)!;
  if (cp < 0x10000) specialBmp[cp] = 1;
  else specialAstral.add(cp);
}
for (let cp = 0; cp < 0x20; cp++) if (cp !== 9 && cp !== 10 && cp !== 13) specialBmp[cp] = 1;
for (let cp = 0x7f; cp <= 0x9f; cp++) specialBmp[cp] = 1;
for (const cp of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xfe0e, 0xfe0f, 0x20e3, 0xe000]) specialBmp[cp] = 1;

const nfkcBmp = new Uint8Array(65536);
const marks = bmpMatching('\\p{M}');
for (const [from, to] of [[0xa0, 0x33ff], [0xa640, 0xa69f], [0xf900, 0xffef]] as const) {
  for (let cp = from; cp <= to; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    if (marks[cp] === 1 || ch.normalize('NFKC') !== ch) nfkcBmp[cp] = 1;
  }
}

const PLAIN = 0;
const NEEDS_NFKC = 1;
const SPECIAL = 2;
const HIGH_SURROGATE = 3;

/** What each BMP code unit asks of the text: PLAIN, NEEDS_NFKC, SPECIAL or HIGH_SURROGATE (look further). */
const kindOf = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (specialBmp[c] === 1) kindOf[c] = SPECIAL;
  else if (nfkcBmp[c] === 1) kindOf[c] = NEEDS_NFKC;
  else if (c >= 0xd800 && c <= 0xdbff) kindOf[c] = HIGH_SURROGATE;
}

/**
 * What the text needs: nothing (printable ASCII, or characters NFKC leaves alone), NFKC
 * (compatibility characters: "ﬁ", NBSP, fancy "𝓐𝓷𝓷𝓪" letters, combining marks), or the full path
 * (digit forms, controls, zero-width characters). One loop with one table lookup per character:
 * cheaper here than regex scans with large character classes.
 */
function classify(raw: string): number {
  let result = PLAIN;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const k = kindOf[raw.charCodeAt(i)]!;
    if (k === PLAIN) continue;
    if (k === SPECIAL) return SPECIAL;
    if (k === NEEDS_NFKC) result = NEEDS_NFKC;
    else if (i + 1 < n) {
      const c = raw.charCodeAt(i);
      const low = raw.charCodeAt(i + 1);
      const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      if (specialAstral.has(cp)) return SPECIAL;
      if (c === 0xd835 || (c === 0xd83c && low >= 0xdd00 && low <= 0xddff)) result = NEEDS_NFKC; // math / enclosed alphanumerics
      i++;
    }
  }
  return result;
}

function replaceSpecial(ch: string): string {
  const digits = specialDigits.get(ch);
  if (digits !== undefined) return digits.length === 1 ? digits + MARK : [...digits].join(MARK) + MARK;
  const cp = ch.charCodeAt(0);
  if (cp === 0x20e3) return MARK; // combining enclosing keycap: the preceding digit was a keycap
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return ' ';
  return ''; // zero-width, soft hyphen, variation selectors, stray markers
}

export function normaliseText(raw: string): NormalisedText {
  const kind = classify(raw);
  if (kind === PLAIN) return { text: raw, obfuscatedDigits: [] };
  if (kind === NEEDS_NFKC) return { text: raw.normalize('NFKC'), obfuscatedDigits: [] };
  const text = raw.replace(specialRegex, replaceSpecial).normalize('NFKC');
  const obfuscatedDigits: number[] = [];
  if (text.indexOf(MARK) < 0) return { text, obfuscatedDigits };
  let out = '';
  let from = 0;
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, from)) {
    out += text.slice(from, at);
    from = at + 1;
    const last = out.length - 1;
    const code = out.charCodeAt(last);
    if (code >= 48 && code <= 57 && obfuscatedDigits[obfuscatedDigits.length - 1] !== last) obfuscatedDigits.push(last);
  }
  out += text.slice(from);
  return { text: out, obfuscatedDigits };
}
