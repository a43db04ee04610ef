import type { Bank } from './lexicon/bank.ts';
import { en } from './lexicon/en.ts';
import { PHONE_PLANS, type Phone } from './places.ts';
import type { Rng } from './prng.ts';

/** How a number is written. The obfuscated styles are those the truth file records as obfuscated. */
export type PhoneStyle = 'plain' | 'words' | 'emoji' | 'fullwidth' | 'letters' | 'spaced' | 'mixed';
export const OBFUSCATED_STYLES: PhoneStyle[] = ['words', 'emoji', 'fullwidth', 'letters', 'spaced', 'mixed'];

/** The digits (and leading "+") of a number as an advertiser in `adCountry` would dial it. */
export function dialForm(rng: Rng, phone: Phone, adCountry: string): string {
  const plan = PHONE_PLANS[phone.country]!;
  if (phone.country === adCountry && rng.chance(0.8)) return `${plan.trunk}${phone.national}`;
  return rng.chance(0.8) ? `+${plan.cc}${phone.national}` : `00${plan.cc}${phone.national}`;
}

/** A normally written number: grouped with spaces, dashes or nothing. */
export function writePlain(rng: Rng, phone: Phone, adCountry: string): string {
  const plan = PHONE_PLANS[phone.country]!;
  const dial = dialForm(rng, phone, adCountry);
  const prefix = dial.slice(0, dial.length - phone.national.length);
  const form = rng.int(0, 3);
  if (form === 0) return dial;
  const groups: string[] = [];
  let at = 0;
  for (const g of plan.groups) {
    groups.push(phone.national.slice(at, at + g));
    at += g;
  }
  if (at < phone.national.length) groups[groups.length - 1] += phone.national.slice(at);
  if (form === 1) return `${prefix}${groups[0]}-${groups.slice(1).join('')}`;
  if (form === 2) return `${prefix.startsWith('+') || prefix.startsWith('00') ? `${prefix} ` : prefix}${groups.join(' ')}`;
  return `${prefix}${groups[0]} ${groups.slice(1).join('')}`;
}

const KEYCAP = '\uFE0F\u20E3';

/**
 * Writes a number in `style`. Obfuscation is applied to a plain form, as advertisers do to get
 * past the sites' number filters: digits as words, emoji keycaps, full-width digits, letters for
 * digits, unusual separators, or a mix.
 */
export function writePhone(rng: Rng, phone: Phone, adCountry: string, style: PhoneStyle, bank: Bank): string {
  const plain = writePlain(rng, phone, adCountry);
  switch (style) {
    case 'plain':
      return plain;
    case 'words':
      return spellOut(rng, plain, bank, 1);
    case 'mixed':
      return rng.chance(0.5) ? spellOut(rng, plain, bank, 0.5) : lettersFor(rng, spellOut(rng, plain, bank, 0.4));
    case 'emoji': {
      const cap = rng.chance(0.8) ? KEYCAP : '\u20E3';
      return mapDigits(plain, (d) => `${d}${cap}`);
    }
    case 'fullwidth':
      return mapDigits(plain, (d) => String.fromCharCode(0xff10 + Number(d))).replace('+', '＋');
    case 'letters': {
      const out = lettersFor(rng, plain);
      return out === plain ? spaced(rng, plain) : out;
    }
    case 'spaced':
      return spaced(rng, plain);
  }
}

function mapDigits(s: string, f: (d: string) => string): string {
  let out = '';
  for (const ch of s) out += ch >= '0' && ch <= '9' ? f(ch) : ch;
  return out;
}

function lettersFor(rng: Rng, s: string): string {
  const zero = rng.pick(['O', 'o', 'O']);
  const one = rng.pick(['l', 'I', 'l']);
  return s.replace(/[01]/g, (d) => (rng.chance(0.85) ? (d === '0' ? zero : one) : d));
}

function spaced(rng: Rng, plain: string): string {
  const sep = rng.pick([' ', ' ', '-', '.', '*', '_', ' • ', ' / ', '  ', ' . ']);
  const chars = [...plain.replace(/[\s-]/g, '')];
  return chars.join(sep);
}

function spellOut(rng: Rng, plain: string, bank: Bank, share: number): string {
  const spellings = bank.digits ?? en.digits!;
  const words = rng.pick(spellings);
  const sep = rng.pick([' ', ' ', '-', ', ', ' ']);
  const upper = rng.chance(0.15);
  const parts: string[] = [];
  for (const ch of plain) {
    if (ch >= '0' && ch <= '9') {
      const w = rng.chance(share) ? words[Number(ch)]! : ch;
      parts.push(upper ? w.toUpperCase() : w);
    } else if (ch === '+') parts.push(rng.chance(0.5) ? '+' : 'plus');
  }
  // Digits left as digits stay glued to their neighbours, as people write "06 acht 12".
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const prev = parts[i - 1];
    const glue = prev === '+' || (prev !== undefined && /^[0-9]$/.test(p) && /^[0-9]$/.test(prev));
    out += i === 0 ? p : glue ? p : `${sep}${p}`;
  }
  return out;
}
