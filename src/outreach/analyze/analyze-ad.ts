import type { AdFeatures, AdRecord } from '../types.ts';
import { digitWords } from '../lexicons/digit-words.ts';
import { functionWords } from '../lexicons/function-words.ts';
import { indicatorDefinitions } from '../lexicons/indicator-definitions.ts';
import { exclusions, indicatorPhrases } from '../lexicons/indicator-phrases.ts';
import { nationalities } from '../lexicons/nationalities.ts';
import { cities, nameIntros, nameOutros, nameStopWords } from '../lexicons/persona.ts';
import { adFieldsOf, str } from './ad-fields.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import { foldPhrase, scanText } from './char-tables.ts';
import { compileConfig } from './compile-config.ts';
import { extractContacts, normaliseHandle, type Mask } from './contacts.ts';
import { findPhones } from './find-phones.ts';
import { buildIndicators } from './indicators.ts';
import { detectLanguage, voteLanguage } from './language.ts';
import { classifyHits } from './lexicon-hits.ts';
import { normaliseText } from './normalise.ts';
import { extractNames, extractPrice, statedAge } from './persona.ts';
import { findDigitRuns, numbersOf } from './phone-candidates.ts';
import { toRegion } from './phones.ts';
import { buildTemplateText, maskWords } from './template-text.ts';

export type { AnalyzeConfig, Lexicon } from './analyze-config.ts';

/** The shipped configuration: lexicons and indicator definitions from src/outreach/lexicons/. */
export const defaultAnalyzeConfig: AnalyzeConfig = {
  defaultRegion: 'NL',
  fallbackRegions: ['NL', 'BE', 'DE'],
  indicators: indicatorDefinitions,
  indicatorPhrases,
  exclusions,
  nationalities,
  digitWords,
  nameIntros,
  nameOutros,
  nameStopWords,
  cities,
  youngAdultAge: { min: 18, max: 23 },
  lowPricePerHour: 60,
  minLanguageLetters: 10,
  functionWords,
};

/** Text beyond this many characters (title + body) is not analysed: ads are short, inputs are not trusted. */
const MAX_TEXT = 20_000;
/** UTF-8 bytes of text scored for language: as accurate as 350 on ad texts (measure-language-detectors.ts), cheaper. */
const LANGUAGE_BYTES = 160;

/**
 * Per-ad analysis: a pure function of the record (same input, same output; caches inside are
 * invisible). Never throws on odd input: wrong field types are treated as absent.
 */
export function analyzeAd(record: AdRecord, index: number, config: AnalyzeConfig = defaultAnalyzeConfig): AdFeatures {
  const compiled = compileConfig(config);
  const title = str(record.title);
  const body = str(record.body);
  let raw = title && body ? `${title}\n${body}` : title || body;
  if (raw.length > MAX_TEXT) raw = raw.slice(0, MAX_TEXT);
  const { text, obfuscatedDigits } = normaliseText(raw);
  const scan = scanText(text);
  const folded = scan.folded;
  const lexicon = classifyHits(compiled.matcher.match(folded, scan.hasUnspaced));
  // Latin-script text: a clear function-word vote (counted by the matcher) saves the n-gram scoring
  const vote = scan.scripts === null ? voteLanguage(compiled.matcher.classCounts(), compiled.voteLanguages) : null;
  const language = vote ?? detectLanguage(text, { minLetters: config.minLanguageLetters, maxBytes: LANGUAGE_BYTES }, scan);

  const runs = findDigitRuns(text, obfuscatedDigits, lexicon.digits);
  const numbers = numbersOf(runs);
  const contacts = extractContacts(folded, scan.hasAt, scan.hasSlash, lexicon.atWords, lexicon.labels);
  const region = toRegion(str(record.country) || null, compiled.defaultRegion);
  const phones = findPhones(record, runs, contacts.whatsappNumbers, region, compiled);

  const age = statedAge(record.age, folded, numbers);
  const price = extractPrice(folded, numbers);
  const { names, spans: nameSpans } = extractNames(text, folded, lexicon.names, compiled.stopWords);
  const firstObfuscated = phones.matches.find((p) => p.obfuscated);

  const indicators = buildIndicators(compiled.definitions, {
    text,
    phraseHits: lexicon.indicators,
    obfuscatedPhone: firstObfuscated && firstObfuscated.end > 0 ? [firstObfuscated.start, firstObfuscated.end] : null,
    obfuscatedPhoneEvidence: firstObfuscated && firstObfuscated.end === 0 ? (phones.recordEvidence ?? 'obfuscated phone') : null,
    age,
    price,
    youngAdultAge: config.youngAdultAge,
    lowPricePerHour: config.lowPricePerHour,
  });

  const city = str(record.city).normalize('NFKC').trim().toLowerCase() || null;
  const masks: Mask[] = contacts.masks;
  for (const run of runs) {
    if (run.tokens.length >= 6) masks.push([run.tokens[0]!.start, run.tokens[run.tokens.length - 1]!.end, '<phone>']);
  }
  for (const [start, end] of lexicon.cities) masks.push([start, end, '<city>']);
  for (const [start, end] of nameSpans) masks.push([start, end, '<name>']);
  maskWords(folded, names, '<name>', masks);
  if (city) maskWords(folded, [foldedCity(city)], '<city>', masks);

  const country = str(record.country).trim().toUpperCase();
  const own = adFieldsOf(record);
  return {
    index,
    id: own.id,
    source: own.source,
    postedAt: own.postedAt,
    city,
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    language,
    phones: phones.e164,
    obfuscatedPhones: phones.obfuscated,
    emails: mergeLower(contacts.emails, record.emails, (e) => e.trim().toLowerCase()),
    handles: mergeLower(contacts.handles, record.handles, normaliseHandle),
    age: age ? age.value : null,
    price: price ? price.value : null,
    names,
    nationalities: lexicon.nationalities,
    indicators,
    templateText: buildTemplateText(folded, masks),
    imageHashes: own.imageHashes,
  };
}


/** Cities repeat from ad to ad: each is folded once (a pure function; the cache is bounded). */
const foldedCities = new Map<string, string>();
function foldedCity(city: string): string {
  let folded = foldedCities.get(city);
  if (folded === undefined) {
    if (foldedCities.size >= 4096) foldedCities.clear();
    folded = foldPhrase(city);
    foldedCities.set(city, folded);
  }
  return folded;
}

function mergeLower(found: string[], given: unknown, normalise: (s: string) => string): string[] {
  if (!Array.isArray(given) || given.length === 0) return found;
  const out = [...found];
  for (const value of given) {
    if (typeof value !== 'string') continue;
    const v = normalise(value);
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}
