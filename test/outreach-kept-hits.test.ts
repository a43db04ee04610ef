import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeptHits } from '../src/outreach/kept-hits.ts';
import type { IndicatorHit } from '../src/outreach/types.ts';

describe('KeptHits', () => {
  const hit = fc.record(
    { code: fc.constantFrom('youth-language', 'obfuscated-phone', 'nationality-named'), weight: fc.constantFrom(1, 1.5, -0.5, 0, -0), evidence: fc.string({ maxLength: 6 }), span: fc.tuple(fc.nat(), fc.nat()) },
    { requiredKeys: ['code', 'weight', 'evidence'] },
  );

  it('keeps code, weight and evidence of every hit, in order, and shares equal lists only (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hit, { maxLength: 4 }), { maxLength: 30 }), (lists) => {
        const kept = new KeptHits();
        const out = lists.map((l) => kept.keep(l));
        const plain = (l: readonly IndicatorHit[]) => l.map((h) => ({ code: h.code, weight: h.weight, evidence: h.evidence }));
        const key = (l: readonly IndicatorHit[]) => JSON.stringify(l.map((h) => [h.code, Object.is(h.weight, -0) ? '-0' : h.weight, h.evidence]));
        for (let i = 0; i < lists.length; i++) {
          expect(plain(out[i]!)).toEqual(plain(lists[i]!));
          expect(out[i]!.every((h) => h.span === undefined)).toBe(true);
          expect(Object.isFrozen(out[i])).toBe(true);
          for (let j = 0; j < i; j++) expect(out[i] === out[j]).toBe(key(lists[i]!) === key(lists[j]!));
        }
      }),
    );
  });

  it('shares one object per distinct hit across lists', () => {
    const kept = new KeptHits();
    const a = kept.keep([{ code: 'youth-language', weight: 1, evidence: 'jong', span: [1, 5] }]);
    const b = kept.keep([
      { code: 'nationality-named', weight: 1, evidence: 'thai' },
      { code: 'youth-language', weight: 1, evidence: 'jong', span: [9, 13] },
    ]);
    expect(b[1]).toBe(a[0]);
    expect(kept.keep([{ code: 'obfuscated-phone', weight: 1.5, evidence: 'jong' }])[0]).not.toBe(a[0]);
    expect(kept.size).toBe(3);
    expect(kept.keep([])).toEqual([]);
  });
});
