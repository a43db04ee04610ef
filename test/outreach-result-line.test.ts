import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultEncoder, resultLine } from '../src/outreach/io/result-lines.ts';
import type { AdResult } from '../src/outreach/types.ts';

const plain = (r: AdResult) =>
  JSON.stringify({
    id: r.id,
    source: r.source,
    clusterId: r.clusterId,
    adScore: r.adScore,
    clusterScore: r.clusterScore,
    indicators: r.indicators.map((x) => ({ code: x.code, weight: x.weight, evidence: x.evidence })),
    phones: r.phones,
    language: r.language,
  });

const hit = fc.record({ code: fc.oneof(fc.string(), fc.constantFrom('city-circuit', 'generic-identifier', 'agency-pattern')), weight: fc.double(), evidence: fc.string() });
const result = fc.record({
  id: fc.string(),
  source: fc.string(),
  clusterId: fc.string(),
  adScore: fc.double(),
  clusterScore: fc.double(),
  indicators: fc.array(hit, { maxLength: 5 }),
  phones: fc.array(fc.string(), { maxLength: 3 }),
  language: fc.string(),
});

describe('result lines', () => {
  it('are exactly JSON.stringify of the output fields, with shared hits serialised once (property)', () => {
    const cache = new ResultEncoder();
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 4 }), (rs) => {
        // Share some hit objects between results, as cluster-level reasons are.
        const shared = rs[0]!.indicators;
        for (const r of rs) {
          const withShared = { ...r, indicators: [...r.indicators, ...shared] };
          expect(resultLine(withShared, cache)).toBe(plain(withShared));
          expect(JSON.parse(resultLine(withShared, cache))).toEqual(JSON.parse(plain(withShared)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles non-ASCII, lone surrogates and non-finite numbers like JSON.stringify', () => {
    const r: AdResult = { id: 'ä\u{1F600}\ud800', source: '"\\', clusterId: 'c', adScore: Number.NaN, clusterScore: -0, indicators: [{ code: 'x', weight: Infinity, evidence: '\n\u2028' }], phones: ['+31612345678'], language: 'nl' };
    expect(resultLine(r)).toBe(plain(r));
  });
});
