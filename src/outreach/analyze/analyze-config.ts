import type { IndicatorDefinition } from '../types.ts';

/** Phrases per language (ISO 639-1 key). Matching is case- and diacritic-insensitive, whole-word;
 * a one-word phrase with a trailing "*" matches any word ending ("roemeen*"; slower: prefer listing
 * the forms). */
export type Lexicon = Record<string, string[]>;

/**
 * Everything per-ad analysis can be configured with: indicator definitions (weights with their
 * provenance) and the lexicons behind them. `defaultAnalyzeConfig` (analyze-ad.ts) assembles the
 * shipped data from src/outreach/lexicons/. Configs are compiled once (cached per object), so build a
 * config once and reuse it; do not mutate it afterwards.
 */
export type AnalyzeConfig = {
  /** Region for numbers written without a country code when the ad has no `country` (ISO 3166-1). */
  defaultRegion: string;
  /** Also tried for national-format numbers that are invalid in the ad's region (sites cross borders). */
  fallbackRegions: string[];
  /** Only indicators listed here are reported; their weight and direction come from here. */
  indicators: IndicatorDefinition[];
  /** Textual indicators: indicator code -> phrases per language. */
  indicatorPhrases: Record<string, Lexicon>;
  /** Phrases that cancel any lexicon match inside them ("thai massage", "no agency", "french kiss"). */
  exclusions: Lexicon;
  /** Stated nationality or ethnicity: normalised code ("ro", "latin", "asian") -> words per language. */
  nationalities: Record<string, Lexicon>;
  /** Spelled-out digits: language -> word -> digit. */
  digitWords: Record<string, Record<string, number>>;
  /** Phrases after which a persona name follows ("I am", "ik ben", "me llamo"). */
  nameIntros: Lexicon;
  /** Phrases before which a persona name stands ("Anna vagyok"). */
  nameOutros: Lexicon;
  /** Capitalised words that follow an intro but are not names ("I am New in town"). */
  nameStopWords: string[];
  /** City names masked in templateText (the ad's own `city` is always masked too). */
  cities: string[];
  /** Stated ages in this range give the (non-significant) "stated-age-18-23" hit. */
  youngAdultAge: { min: number; max: number };
  /** A stated hourly price below this (EUR, GBP, USD, CHF) gives "low-price". */
  lowPricePerHour: number;
  /** Fewer letters than this: language "und". */
  minLanguageLetters: number;
  /** Distinctive function words per language: a clear vote decides the language without n-grams. */
  functionWords: Record<string, string[]>;
};
