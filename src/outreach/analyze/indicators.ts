import type { IndicatorDefinition, IndicatorHit } from '../types.ts';
import type { Span } from './contacts.ts';
import { isEuroLike, type Price } from './persona.ts';

/**
 * Per-ad indicator hits: one hit per indicator code (its first occurrence), with the text span that
 * triggered it and the weight from the config. Codes missing from the config are not reported, so
 * an indicator is switched off by leaving it out.
 */

export type TextHit = { code: string; start: number; end: number };

export type IndicatorInputs = {
  /** Normalised text: evidence is cut from it. */
  text: string;
  /** Lexicon matches (after exclusions), in text order. */
  phraseHits: TextHit[];
  /** The first phone written obfuscated in the text, if any. */
  obfuscatedPhone: Span | null;
  /** Evidence for an obfuscated phone given in the record's `phones` (no span in the text). */
  obfuscatedPhoneEvidence: string | null;
  age: { value: number; span: Span | null } | null;
  price: Price | null;
  youngAdultAge: { min: number; max: number };
  lowPricePerHour: number;
};

const MAX_EVIDENCE = 120;

function evidenceOf(text: string, span: Span): string {
  const raw = text.slice(span[0], span[1]).replace(/\s+/g, ' ').trim();
  return raw.length > MAX_EVIDENCE ? `${raw.slice(0, MAX_EVIDENCE - 1)}…` : raw;
}

function addHit(
  hits: IndicatorHit[],
  definitions: Map<string, IndicatorDefinition>,
  text: string,
  code: string,
  span: Span | null,
  evidence?: string,
): void {
  const definition = definitions.get(code);
  if (!definition) return;
  for (const hit of hits) if (hit.code === code) return;
  const hit: IndicatorHit = { code, weight: definition.weight, evidence: evidence ?? (span ? evidenceOf(text, span) : code) };
  if (span) hit.span = span;
  hits.push(hit);
}

export function buildIndicators(definitions: Map<string, IndicatorDefinition>, input: IndicatorInputs): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  const text = input.text;
  if (input.obfuscatedPhone || input.obfuscatedPhoneEvidence) {
    addHit(hits, definitions, text, 'obfuscated-phone', input.obfuscatedPhone, input.obfuscatedPhoneEvidence ?? undefined);
  }
  for (const hit of input.phraseHits) addHit(hits, definitions, text, hit.code, [hit.start, hit.end]);
  const age = input.age;
  if (age) {
    const evidence = age.span ? undefined : `stated age ${age.value}`;
    if (age.value < 18) addHit(hits, definitions, text, 'stated-age-under-18', age.span, evidence);
    else if (age.value >= input.youngAdultAge.min && age.value <= input.youngAdultAge.max) {
      addHit(hits, definitions, text, 'stated-age-18-23', age.span, evidence);
    }
  }
  const price = input.price;
  if (price && isEuroLike(price.currency) && price.value < input.lowPricePerHour) addHit(hits, definitions, text, 'low-price', price.span);
  return hits;
}
