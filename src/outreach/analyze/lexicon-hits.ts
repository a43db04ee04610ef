import type { Payload } from './compile-config.ts';
import type { LabelHit, Span } from './contacts.ts';
import type { TextHit } from './indicators.ts';
import type { NameHit } from './persona.ts';
import type { DigitWordHit } from './phone-candidates.ts';
import type { PhraseHit } from './phrase-matcher.ts';

/**
 * Sorts the phrase matcher's hits by what they mean, after dropping every hit inside an exclusion
 * ("thai massage", "no agency"). The first nationality named also counts as the "nationality-named"
 * indicator.
 */
export type ClassifiedHits = {
  indicators: TextHit[];
  nationalities: string[];
  digits: DigitWordHit[];
  names: NameHit[];
  cities: Span[];
  atWords: Span[];
  labels: LabelHit[];
};

export function classifyHits(hits: PhraseHit<Payload>[]): ClassifiedHits {
  const out: ClassifiedHits = { indicators: [], nationalities: [], digits: [], names: [], cities: [], atWords: [], labels: [] };
  let excluded: Span[] | null = null;
  for (const hit of hits) {
    for (const p of hit.payloads) if (p.kind === 'exclude') (excluded ??= []).push([hit.start, hit.end]);
  }
  for (const hit of hits) {
    if (excluded && excluded.some(([s, e]) => hit.start >= s && hit.end <= e)) continue;
    for (const p of hit.payloads) {
      switch (p.kind) {
        case 'indicator': out.indicators.push({ code: p.code, start: hit.start, end: hit.end }); break;
        case 'nationality':
          if (out.nationalities.length === 0) out.indicators.push({ code: 'nationality-named', start: hit.start, end: hit.end });
          if (!out.nationalities.includes(p.code)) out.nationalities.push(p.code);
          break;
        case 'digit': out.digits.push({ start: hit.start, end: hit.end, digit: p.digit }); break;
        case 'nameIntro': out.names.push({ start: hit.start, end: hit.end, outro: false }); break;
        case 'nameOutro': out.names.push({ start: hit.start, end: hit.end, outro: true }); break;
        case 'city': out.cities.push([hit.start, hit.end]); break;
        case 'emailAt': out.atWords.push([hit.start, hit.end]); break;
        case 'platform': out.labels.push({ start: hit.start, end: hit.end, platform: p.platform, short: p.short }); break;
        default:
      }
    }
  }
  out.indicators.sort((a, b) => a.start - b.start);
  return out;
}
