import { C_LETTER, C_NOSPACE, charClass, foldPhrase, scriptOf } from './char-tables.ts';
import type { Span } from './contacts.ts';

/**
 * Stated age, hourly price and persona names, from normalised text (`text`, case preserved) and its
 * fold (`folded`, same offsets).
 */

/** A number written with ASCII digits (adjacent digits of a digit run). */
export type NumberSpan = { start: number; end: number; value: number };

// Ages and prices are read around the numbers found by the digit scanner (no full-text regex pass).
const AGE_UNIT_AFTER_RE =
  /\s*(?:-\s*)?(?:de\s+)?(?:years?(?:\s*old)?|yrs?|yo|y\.o\.?|jaar|jarige|jr|ani|anos|lat|lata|jahre|j\.|ans|eves|ev|godina|години|годин|года|год|лет|рок(?:ів|и)|anni|ปี|岁|歳)(?![a-zа-яё])/y;
const AGE_WORD_BEFORE_RE = /(?:age|aged|leeftijd|edad|varsta|wiek|alter|eletkor|возраст|вік|възраст|idade|eta|อายุ)\s*[:=-]?\s*$/;

export type Stated = { value: number; span: Span };

/** The age given in the record (a number, or digits), else the first age stated in the text. */
export function statedAge(given: unknown, folded: string, numbers: NumberSpan[]): { value: number; span: Span | null } | null {
  if (typeof given === 'number' && Number.isFinite(given) && given > 0 && given < 120) return { value: Math.round(given), span: null };
  if (typeof given === 'string' && /^\s*\d{1,2}\s*$/.test(given)) return { value: Number(given), span: null };
  const found = extractAge(folded, numbers);
  return found ? { value: found.value, span: found.span } : null;
}


export function extractAge(folded: string, numbers: NumberSpan[]): Stated | null {
  for (const { start, end, value } of numbers) {
    if (end - start !== 2 || value < 10 || value > 79) continue;
    AGE_UNIT_AFTER_RE.lastIndex = end;
    const unit = AGE_UNIT_AFTER_RE.exec(folded);
    if (unit) return { value, span: [start, end + unit[0].length] };
    const from = phraseBefore(folded, start, AGE_WORD_BEFORE_RE);
    if (from >= 0) return { value, span: [from, end] };
  }
  return null;
}

const CURRENCIES = '€|eur(?:o|os|a)?|евро|欧元|ยูโร|£|\\$|chf|pln|zl|ron|lei|huf|ft|лв|лева|฿|baht|bath|บาท';
const CURRENCY_AFTER_RE = new RegExp(`(?:[.,](?:-|00|—))?\\s*(?:,-\\s*)?(${CURRENCIES})(?![a-z])|(,-)`, 'y');
const CURRENCY_BEFORE_RE = new RegExp(`(${CURRENCIES})\\s*$`);
const HOUR_RE =
  /(?<![0-9])(?:1\s*)?(?:h|hr|hrs|hour|uur|u|ora|hora|óra|godz|godzina|stunde|std|heure|час|година|ชั่วโมง|小时)(?![a-z])|per\s*(?:uur|hour)|\/\s*h|p\/u/;
const NOT_HOUR_RE =
  /min(?:s|uten|utes|ut|uta|utos)?(?![a-z])|perc|минут|half\s*(?:uur|hour)|½|1\/2|jumatate|media\s*hora|pol\s*godziny|nacht|night|noapte|noche|noc|nuit|ночь|overnight|quickie|vluggertje|[2-9]\s*(?:h|uur|uren|hours?|ore|horas|stunden)(?![a-z])/;
const CLAUSE_BREAK_RE = /[,;\n|•.!?。，！]/;
const EUR_LIKE = new Set(['€', 'eur', 'euro', 'euros', 'eura', 'евро', '欧元', 'ยูโร', '£', '$', 'chf']);

export type Price = { value: number; span: Span; currency: string };

/** The stated price for one hour; otherwise the first price with no other duration attached. */
export function extractPrice(folded: string, numbers: NumberSpan[]): Price | null {
  let fallback: Price | null = null;
  for (let k = 0; k < numbers.length; k++) {
    const { start, end, value } = numbers[k]!;
    if (value < 10 || end - start > 4) continue;
    let currency: string;
    let span: Span;
    CURRENCY_AFTER_RE.lastIndex = end;
    const after = CURRENCY_AFTER_RE.exec(folded);
    if (after) {
      currency = after[1] ?? '€'; // "100,-" is a Dutch price
      span = [start, end + after[0].length];
    } else {
      const from = phraseBefore(folded, start, CURRENCY_BEFORE_RE);
      if (from < 0) continue;
      currency = CURRENCY_BEFORE_RE.exec(folded.slice(from, start))![1]!;
      span = [from, end];
    }
    // the duration this price belongs to: in its clause, after the previous number, or right after it
    const previousEnd = k > 0 ? numbers[k - 1]!.end : 0;
    let left = folded.slice(Math.max(previousEnd, span[0] - 18), span[0]);
    const leftBreak = lastBreak(left);
    if (leftBreak >= 0) left = left.slice(leftBreak + 1);
    let right = folded.slice(span[1], Math.min(folded.length, span[1] + 14));
    const rightBreak = right.search(CLAUSE_BREAK_RE);
    if (rightBreak >= 0) right = right.slice(0, rightBreak);
    const context = `${left} ${right}`;
    if (NOT_HOUR_RE.test(context)) continue;
    if (HOUR_RE.test(context)) return { value, span, currency };
    fallback ??= { value, span, currency };
  }
  return fallback;
}

function lastBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (CLAUSE_BREAK_RE.test(text[i]!)) return i;
  return -1;
}

/** Start of the match of `re` (anchored at the end) just before `at`, as a whole word; or -1. */
function phraseBefore(folded: string, at: number, re: RegExp): number {
  const sliceStart = Math.max(0, at - 16);
  const m = re.exec(folded.slice(sliceStart, at));
  if (!m) return -1;
  const from = sliceStart + m.index;
  if (from > 0 && (charClass[folded.charCodeAt(from - 1)]! & C_LETTER) !== 0 && (charClass[folded.charCodeAt(from)]! & C_LETTER) !== 0) return -1;
  return from;
}

export function isEuroLike(currency: string): boolean {
  return EUR_LIKE.has(currency);
}

export type NameHit = { start: number; end: number; outro: boolean };

/**
 * The persona name after an intro phrase ("I am Anna") or before an outro ("Anna vagyok"): one word,
 * capitalised in the original text (scripts without case: taken as is), not a stop word.
 */
export function extractNames(text: string, folded: string, hits: NameHit[], stopWords: ReadonlySet<string>): { names: string[]; spans: Span[] } {
  const names: string[] = [];
  const spans: Span[] = [];
  for (const hit of hits) {
    const span = hit.outro ? wordBefore(text, hit.start) : wordAfter(text, hit.end);
    if (!span) continue;
    const [s, e] = span;
    const first = text.charCodeAt(s);
    const word = folded.slice(s, e);
    const cased = text[s]!.toLowerCase() !== text[s]!.toUpperCase();
    if (cased && text[s] !== text[s]!.toUpperCase()) continue; // must be capitalised
    if (e - s < 2 || e - s > 20 || stopWords.has(word) || (charClass[first]! & C_LETTER) === 0) continue;
    names.push(word);
    spans.push(span);
  }
  return { names: names.length > 1 ? [...new Set(names)] : names, spans };
}

function isNameChar(code: number): boolean {
  return (charClass[code]! & C_LETTER) !== 0 || code === 45;
}

/** Han characters that start phrases, not names, after "我是" ("我是一个..." = "I am a ..."). */
const NOT_NAME_START = new Set('一个来在很你的新真从住今已');

function wordAfter(text: string, from: number): Span | null {
  let s = from;
  while (s < text.length && (text[s] === ' ' || text[s] === ':' || text[s] === ',' || text[s] === '-')) s++;
  if (s >= text.length || NOT_NAME_START.has(text[s]!)) return null;
  const first = text.charCodeAt(s);
  const unspaced = (charClass[first]! & C_NOSPACE) !== 0;
  const script = scriptOf[first]!;
  let e = s;
  const max = unspaced ? 4 : 20;
  // a name is one word in one script ("เรียกฉันว่าPloyนะคะ" -> "Ploy")
  while (e < text.length && e - s < max && isNameChar(text.charCodeAt(e)) && (text.charCodeAt(e) === 45 || scriptOf[text.charCodeAt(e)] === script)) e++;
  const next = e < text.length ? text.charCodeAt(e) : 32;
  if (!unspaced && isNameChar(next) && scriptOf[next] === script) return null; // longer than a name
  while (e > s && text.charCodeAt(e - 1) === 45) e--;
  return e > s ? [s, e] : null;
}

function wordBefore(text: string, to: number): Span | null {
  let e = to;
  while (e > 0 && text[e - 1] === ' ') e--;
  let s = e;
  while (s > 0 && e - s < 20 && isNameChar(text.charCodeAt(s - 1))) s--;
  return e > s ? [s, e] : null;
}

export function stopWordSet(words: string[]): Set<string> {
  return new Set(words.map(foldPhrase));
}
