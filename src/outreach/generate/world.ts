import type { TruthRecord } from '../types.ts';
import { stockParagraph } from './compose.ts';
import type { Bank, Lang, Nationality } from './lexicon/bank.ts';
import { bg } from './lexicon/bg.ts';
import { de } from './lexicon/de.ts';
import { en } from './lexicon/en.ts';
import { es } from './lexicon/es.ts';
import { hu } from './lexicon/hu.ts';
import { nl } from './lexicon/nl.ts';
import { pl } from './lexicon/pl.ts';
import { ro } from './lexicon/ro.ts';
import { th } from './lexicon/th.ts';
import { zh } from './lexicon/zh.ts';
import { writePhone, dialForm, type PhoneStyle, OBFUSCATED_STYLES } from './phone-writing.ts';
import { NATIONALITIES, SITES, drawPhone, type City, type Phone } from './places.ts';
import type { Rng } from './prng.ts';

export const BANKS: Record<Lang, Bank> = { nl, en, de, ro, es, hu, bg, pl, th, zh };

/** One generated ad before it gets its id (ids are drawn when the corpus is written). */
export type Draft = {
  t: number;
  source: string;
  city: City;
  title: string;
  body: string;
  phones?: string[];
  emails?: string[];
  handles?: string[];
  age?: number;
  imageHashes?: string[];
  category: string;
  truth: Omit<TruthRecord, 'id' | 'source'>;
};

/** What all operators share: the calendar, stock photos, viral paragraphs and generic numbers. */
export type World = {
  start: number;
  days: number;
  stockPhotos: string[];
  viral: Record<Lang, string[][]>;
  placeholder: Phone;
  answeringService: Phone;
  helpLine: Phone;
};

export const DAY = 86_400_000;

export function makeWorld(rng: Rng): World {
  const viral = {} as Record<Lang, string[][]>;
  for (const [lang, bank] of Object.entries(BANKS) as [Lang, Bank][]) viral[lang] = Array.from({ length: 6 }, () => stockParagraph(rng, bank));
  return {
    start: Date.UTC(2025, 1, 3),
    days: 56,
    stockPhotos: Array.from({ length: 40 }, () => randomHash(rng)),
    viral,
    placeholder: { country: 'NL', national: '612345678', e164: '+31612345678' },
    answeringService: { country: 'NL', national: '852084411', e164: '+31852084411' },
    helpLine: { country: 'NL', national: '8000123456', e164: '+318000123456' },
  };
}

export function randomHash(rng: Rng): string {
  return rng.u32().toString(16).padStart(8, '0') + rng.u32().toString(16).padStart(8, '0');
}

/** The same photo after recompression or resizing: a few bits of the perceptual hash differ. */
export function recompress(rng: Rng, hash: string, maxBits = 4): string {
  let v = BigInt(`0x${hash}`);
  const k = rng.int(0, maxBits);
  for (let i = 0; i < k; i++) v ^= 1n << BigInt(rng.int(0, 63));
  return v.toString(16).padStart(16, '0');
}

export function pickLang(rng: Rng, nat: Nationality): Lang {
  return rng.weighted(NATIONALITIES[nat].langs as Record<Lang, number>);
}

const CYRILLIC: Record<string, string> = {
  Maria: 'Мария', Desislava: 'Десислава', Gergana: 'Гергана', Yoana: 'Йоана', Viktoria: 'Виктория', Kalina: 'Калина',
  Teodora: 'Теодора', Nikol: 'Никол', Simona: 'Симона', Radostina: 'Радостина',
};

/** A persona's name as written in a language (Bulgarian ads write Bulgarian names in Cyrillic). */
export function nameIn(name: string, lang: Lang): string {
  return lang === 'bg' ? (CYRILLIC[name] ?? name) : name;
}

/** The phone a person from `nat` uses when working in `country`: a local prepaid card or a home number. */
export function phoneFor(rng: Rng, nat: Nationality, country: string, localShare: number): Phone {
  const home = NATIONALITIES[nat].phone;
  return drawPhone(rng, home === country || rng.chance(localShare) ? country : home);
}

/**
 * The contact text for one ad and what the truth records about it: the {phone} slot, the structured
 * `phones` field (sites show a clean number field for some ads) and the numbers written obfuscated.
 */
export function contact(
  rng: Rng,
  phones: Phone[],
  adCountry: string,
  styleOf: () => PhoneStyle,
  bank: Bank,
): { slot: string; field?: string[]; obfuscated: string[] } {
  const written: string[] = [];
  const obfuscated: string[] = [];
  for (const p of phones) {
    const style = styleOf();
    written.push(writePhone(rng, p, adCountry, style, bank));
    if (OBFUSCATED_STYLES.includes(style)) obfuscated.push(p.e164);
  }
  const field = obfuscated.length === 0 && rng.chance(0.5) ? phones.map((p) => dialForm(rng, p, adCountry).replace(/^00/, '+')) : undefined;
  return { slot: written.join(' / '), field, obfuscated };
}

/** A site of the city's country (operators post on one or two sites). */
export function sitesFor(rng: Rng, city: City): string[] {
  const sites = SITES[city.country];
  return rng.chance(0.3) ? rng.sample(sites, 2) : [rng.pick(sites)];
}

/** A posting time on `day` (days from the start), at a plausible hour. */
export function timeOn(rng: Rng, w: World, day: number): number {
  const d = Math.max(0, Math.min(w.days - 1, Math.floor(day)));
  const hour = rng.chance(0.85) ? rng.int(8, 23) : rng.int(0, 7);
  return w.start + d * DAY + hour * 3_600_000 + rng.int(0, 3_599_999);
}

/** `n` posting days spread over an active window within the calendar. */
export function postingDays(rng: Rng, w: World, n: number, minSpan: number, maxSpan: number): number[] {
  const span = Math.min(w.days, rng.int(minSpan, maxSpan));
  const first = rng.int(0, w.days - span);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(first + rng.next() * span);
  return days.sort((a, b) => a - b);
}

export function priceOf(rng: Rng, mean: number, sd: number, min: number, max: number): { price: string; half: string } {
  const p = Math.max(min, Math.min(max, Math.round(rng.normal(mean, sd) / 10) * 10));
  return { price: String(p), half: String(Math.round((p * 0.65) / 10) * 10) };
}

export function emailFor(rng: Rng, name: string): string {
  const base = name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '') || 'lady';
  return `${base}${rng.pick(['', '.', '_'])}${rng.int(1, 999)}@${rng.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'proton.me'])}`;
}

export function handleFor(rng: Rng, name: string): string {
  const base = name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '') || 'lady';
  return `${rng.pick(['telegram', 'telegram', 'snapchat', 'instagram'])}:${base}${rng.pick(['_', '.', ''])}${rng.pick(['x', 'xx', 'love', 'vip', String(rng.int(10, 99))])}`;
}

/** Mentions a handle or an e-mail address in the text, as ads do. */
export function mention(id: string): string {
  const [platform, handle] = id.includes(':') ? id.split(':') : ['E-mail', id];
  const label = platform!.charAt(0).toUpperCase() + platform!.slice(1);
  return `${label}: ${id.includes(':') ? '@' : ''}${handle}`;
}
