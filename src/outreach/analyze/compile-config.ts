import type { CountryCode } from 'libphonenumber-js/max';
import type { IndicatorDefinition } from '../types.ts';
import type { AnalyzeConfig, Lexicon } from './analyze-config.ts';
import { PhraseMatcher, type PhraseEntry } from './phrase-matcher.ts';
import { AT_WORDS, PLATFORM_LABELS } from './contacts.ts';
import { stopWordSet } from './persona.ts';
import { toRegion } from './phones.ts';

/** What a lexicon phrase means when it matches. */
export type Payload =
  | { kind: 'indicator'; code: string }
  | { kind: 'nationality'; code: string }
  | { kind: 'exclude' }
  | { kind: 'digit'; digit: number }
  | { kind: 'nameIntro' }
  | { kind: 'nameOutro' }
  | { kind: 'city' }
  | { kind: 'emailAt' }
  | { kind: 'platform'; platform: string; short: boolean };

export type CompiledConfig = {
  config: AnalyzeConfig;
  /** Every lexicon in one matcher: one pass over the text per ad. */
  matcher: PhraseMatcher<Payload>;
  /** Digit words only, for phone numbers given in the record's `phones`. */
  digitMatcher: PhraseMatcher<Payload>;
  definitions: Map<string, IndicatorDefinition>;
  stopWords: Set<string>;
  defaultRegion: CountryCode;
  fallbackRegions: CountryCode[];
  /** Languages of the function-word classes counted by `matcher` (index = class). */
  voteLanguages: string[];
};

const compiledConfigs = new WeakMap<AnalyzeConfig, CompiledConfig>();

/** Compiles a config once; later calls with the same object return the cached result. */
export function compileConfig(config: AnalyzeConfig): CompiledConfig {
  const cached = compiledConfigs.get(config);
  if (cached) return cached;
  const entries: PhraseEntry<Payload>[] = [];
  const add = (lexicon: Lexicon, payload: Payload) => {
    for (const phrases of Object.values(lexicon)) for (const phrase of phrases) entries.push({ phrase, payload });
  };
  const definitions = new Map(config.indicators.map((d) => [d.code, d]));
  for (const [code, lexicon] of Object.entries(config.indicatorPhrases)) {
    if (definitions.has(code)) add(lexicon, { kind: 'indicator', code });
  }
  for (const [code, lexicon] of Object.entries(config.nationalities)) add(lexicon, { kind: 'nationality', code });
  add(config.exclusions, { kind: 'exclude' });
  add(config.nameIntros, { kind: 'nameIntro' });
  add(config.nameOutros, { kind: 'nameOutro' });
  add({ all: config.cities }, { kind: 'city' });
  // contact markers, so that e-mail and handle extraction look only where these words occur
  add({ all: AT_WORDS }, { kind: 'emailAt' });
  for (const [word, label] of Object.entries(PLATFORM_LABELS)) entries.push({ phrase: word, payload: { kind: 'platform', ...label } });
  const digitEntries: PhraseEntry<Payload>[] = [];
  for (const words of Object.values(config.digitWords)) {
    for (const [word, digit] of Object.entries(words)) digitEntries.push({ phrase: word, payload: { kind: 'digit', digit } });
  }
  entries.push(...digitEntries);
  const defaultRegion = toRegion(config.defaultRegion, 'NL');
  const voteLanguages = Object.keys(config.functionWords);
  const words = new Map<string, number>();
  voteLanguages.forEach((lang, i) => {
    for (const word of config.functionWords[lang]!) if (!words.has(word)) words.set(word, i);
  });
  const matcher = new PhraseMatcher(entries, { words, count: voteLanguages.length });
  const compiled: CompiledConfig = {
    config,
    matcher,
    voteLanguages,
    digitMatcher: new PhraseMatcher(digitEntries),
    definitions,
    stopWords: stopWordSet([...config.nameStopWords, ...Object.values(config.digitWords).flatMap((words) => Object.keys(words))]),
    defaultRegion,
    fallbackRegions: [...new Set(config.fallbackRegions.map((r) => toRegion(r, defaultRegion)))],
  };
  compiledConfigs.set(config, compiled);
  return compiled;
}
