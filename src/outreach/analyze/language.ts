/**
 * Language of an ad (ISO 639-1, or "und").
 *
 * Measured with `npx tsx src/outreach/analyze/measure-language-detectors.ts` on 146 labelled short
 * texts (language-samples.ts: nl en ro es hu bg pl th zh ru uk de fr pt it, 20-200 characters), their
 * 3-word fragments (~20 characters) and ad-like texts (title + body with phone, emoji, price, ~460
 * characters). Node 20, one core of the 2-core CI machine while other jobs ran (CPU us per text,
 * best of 3 rounds):
 *
 *   detector                          samples  3 words (answered)  und  ads    us/sample  us/ad
 *   franc 6.2 (ISO 639-3 mapped)       0.849   0.466 (0.466)          0  0.966     385      712
 *   tinyld 1.3                         0.993   0.884 (0.884)          0  1.000     258      547
 *   eld 2.1 large                      1.000   0.932 (0.932)          0  1.000      47       86
 *   eld 2.1 small                      1.000   0.925 (0.925)          0  1.000      35       73
 *   eld small, "und" if unreliable     1.000   0.904 (0.923)          3  1.000      38       83
 *   baken n-grams (this module)        1.000   0.822 (0.930)         17  1.000     2.3      5.9
 *     same, minLetters 6               1.000   0.904 (0.923)          3  1.000     2.0      5.9
 *     same, margin 0.01                0.979   0.774 (0.958)         28  0.993     2.2      6.6
 *
 * Choice: eld's n-gram data (most accurate on short texts; 60 languages; Apache-2.0) with its scoring
 * re-implemented on typed arrays (language-model.ts: same answers as eld, tested), because every
 * packaged detector costs 35-700 us per ad against a budget of well under 25 us for the whole per-ad
 * analysis. The "small" data set is as accurate as "large" here and loads in milliseconds from the
 * converted binary. Texts with fewer than 10 letters give "und" (3-word fragments mostly), trading
 * answers for accuracy on what is answered; eld's "isReliable" is kept as the second check (its
 * runner-up margin test compares a score with a language index and never fires; a real 0.01 margin
 * costs accuracy, see above).
 *
 * In analyzeAd, most Latin-script ads are decided before any of this by a vote of distinctive
 * function words (lexicons/function-words.ts) that the phrase matcher counts in the pass it makes
 * anyway: on 20,000 generated ads the vote decided 93% and agreed with the n-grams on every one.
 * Scripts decide cheaply and strongly first: Thai -> th, Han -> zh (ja with kana), Hangul -> ko,
 * Greek, Hebrew, Devanagari; within Cyrillic, letters unique to Ukrainian (і ї є ґ), Russian (ы э ё),
 * Bulgarian (ъ without those), Serbian (ђ ћ џ љ њ ј) and Belarusian (ў) decide before the n-grams.
 */
import { Script, SCRIPT_COUNT, charClass, C_LETTER, scriptOf } from './char-tables.ts';
import { languageMask, modelLanguages, scoreLanguages } from './language-model.ts';

const LATIN_LANGS = [
  'az', 'ca', 'cs', 'da', 'de', 'en', 'es', 'et', 'eu', 'fi', 'fr', 'hr', 'hu', 'is', 'it', 'lt', 'lv', 'ms', 'nl', 'no',
  'pl', 'pt', 'ro', 'sk', 'sl', 'sq', 'sv', 'tl', 'tr', 'vi', 'yo',
];
const latinMask = languageMask(LATIN_LANGS);
const cyrillicMask = languageMask(['be', 'bg', 'ru', 'sr', 'uk']);
const arabicMask = languageMask(['ar', 'fa', 'ku', 'ur']);

const counts = new Int32Array(SCRIPT_COUNT);

/** Votes needed, and the factor by which the winner must lead the runner-up, to skip the n-grams. */
export const VOTE_MIN = 3;
export const VOTE_LEAD = 2;

/**
 * The language voted for by distinctive function words (lexicons/function-words.ts, counted by the
 * phrase matcher while it scans the ad anyway), or null when the vote is not clear. Measured against
 * the n-gram model in measure-language-detectors.ts.
 */
export function voteLanguage(votes: Int32Array, languages: readonly string[]): string | null {
  let best = -1;
  let top = 0;
  let second = 0;
  for (let l = 0; l < votes.length; l++) {
    const v = votes[l]!;
    if (v > top) {
      second = top;
      top = v;
      best = l;
    } else if (v > second) second = v;
  }
  return best >= 0 && top >= VOTE_MIN && top >= VOTE_LEAD * second + 1 ? languages[best]! : null;
}

export type LanguageOptions = {
  /** Fewer letters than this gives "und". */
  minLetters?: number;
  /** Characters of the text looked at (title first, then body). */
  maxChars?: number;
  /** UTF-8 bytes of words scored by the n-gram model (eld scores 350). */
  maxBytes?: number;
  /** Minimum gap between the best and the runner-up scaled n-gram score (0-1) to answer. */
  minMargin?: number;
};

/**
 * @param scan script counts of the first `maxChars` characters, when the caller has them already
 *   (scanText in char-tables.ts); otherwise they are counted here.
 */
export function detectLanguage(
  text: string,
  options: LanguageOptions = {},
  scan?: { scripts: Int32Array | null; letters: number; lower: string },
): string {
  const minLetters = options.minLetters ?? 10;
  const end = Math.min(text.length, options.maxChars ?? 400);
  const lower = scan ? scan.lower : null;
  const scripts = scan ? scan.scripts : countScripts(text, end);
  // no letters outside the Latin script: the n-gram scorer counts the letters
  if (!scripts) return ngram(text, lower, end, latinMask, options, minLetters);
  const letters = scan ? scan.letters : countedLetters;
  if (letters < minLetters) return 'und';
  let dominant = 0;
  for (let s = 1; s < SCRIPT_COUNT; s++) if (scripts[s]! > scripts[dominant]!) dominant = s;
  switch (dominant as Script) {
    case Script.Thai: return 'th';
    case Script.Han: return scripts[Script.Kana]! * 5 > scripts[Script.Han]! ? 'ja' : 'zh';
    case Script.Kana: return 'ja';
    case Script.Hangul: return 'ko';
    case Script.Greek: return 'el';
    case Script.Hebrew: return 'he';
    case Script.Devanagari: return 'hi';
    case Script.Cyrillic: return cyrillic(text, lower, end, options);
    case Script.Arabic: return ngram(text, lower, end, arabicMask, options, 0);
    case Script.Latin: return ngram(text, lower, end, latinMask, options, 0);
    default: return 'und';
  }
}

let countedLetters = 0;
function countScripts(text: string, end: number): Int32Array | null {
  counts.fill(0);
  countedLetters = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((charClass[c]! & C_LETTER) === 0) continue;
    countedLetters++;
    counts[scriptOf[c]!]!++;
  }
  return countedLetters > counts[Script.Latin]! ? counts : null;
}

/** Letters unique to one Cyrillic language decide before the n-grams. */
function cyrillic(text: string, lower: string | null, end: number, options: LanguageOptions): string {
  let ukr = 0;
  let rus = 0;
  let bgHard = 0;
  let srb = 0;
  let bel = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) {
      const lower = c >= 0x410 && c <= 0x42f ? c + 0x20 : c >= 0x400 && c <= 0x40f ? c + 0x50 : c === 0x490 ? 0x491 : c;
      switch (lower) {
        case 0x456: case 0x457: case 0x454: case 0x491: ukr++; break; // і ї є ґ (lower-case forms)
        case 0x44b: case 0x44d: case 0x451: rus++; break; // ы э ё
        case 0x44a: bgHard++; break; // ъ
        case 0x452: case 0x45b: case 0x45f: case 0x459: case 0x45a: case 0x458: srb++; break; // ђ ћ џ љ њ ј
        case 0x45e: bel++; break; // ў
        default:
      }
    }
  }
  if (bel > 0 && rus === 0) return 'be';
  if (srb > 0 && rus === 0 && ukr === 0) return 'sr';
  if (ukr > 0 && rus === 0) return 'uk';
  if (rus > 0 && ukr === 0) return 'ru';
  if (bgHard > 0 && rus === 0 && ukr === 0) return 'bg';
  return ngram(text, lower, end, cyrillicMask, options, 0);
}

function ngram(text: string, lower: string | null, end: number, mask: Uint8Array, options: LanguageOptions, minLetters: number): string {
  const input = lower !== null ? lower.slice(0, end) : text.slice(0, end).toLowerCase();
  const { best, reliable, letters } = scoreLanguages(input, mask, options.maxBytes ?? 350, options.minMargin ?? 0);
  if (letters < minLetters) return 'und';
  return best >= 0 && reliable ? modelLanguages[best]! : 'und';
}
