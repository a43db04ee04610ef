import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigitsCache } from '../src/outreach/analyze/digits-cache.ts';

// Keys that differ only in leading zeros, length or context, plus strings it cannot pack (too long, not
// only digits, empty), so every path of the cache is compared with a Map.
const digits = fc.oneof(
  fc.stringMatching(/^[0-9]{1,18}$/),
  fc.stringMatching(/^0{0,3}[1-9]{1,3}$/),
  fc.stringMatching(/^[0-9]{19,22}$/),
  fc.stringMatching(/^[0-9a-z+]{0,6}$/),
);
const op = fc.record({ context: fc.nat({ max: 5 }), digits, value: fc.constantFrom('', '+31612345678', '+3225551234'), clear: fc.boolean() });

describe('DigitsCache', () => {
  it('answers as a Map keyed by context and digits, through growth and clearing (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.nat({ max: 40 }), (ops, limit) => {
        const cache = new DigitsCache(limit);
        const reference = new Map<string, string>();
        for (const o of ops) {
          const key = `${o.context}:${o.digits}`;
          expect(cache.get(o.context, o.digits)).toBe(reference.get(key));
          if (!reference.has(key)) {
            cache.set(o.context, o.digits, o.value);
            reference.set(key, o.value);
          }
          expect(cache.get(o.context, o.digits)).toBe(reference.get(key));
          expect(cache.size).toBe(reference.size);
          if (o.clear && o.digits.length % 7 === 0) {
            cache.clear();
            reference.clear();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps apart digits that differ only in leading zeros, and the same digits in other contexts', () => {
    const cache = new DigitsCache(4);
    cache.set(0, '0612345678', 'a');
    cache.set(0, '00612345678', 'b');
    cache.set(0, '612345678', 'c');
    cache.set(1, '0612345678', 'd');
    cache.set(0, '999999999999999999', 'e');
    expect([cache.get(0, '0612345678'), cache.get(0, '00612345678'), cache.get(0, '612345678'), cache.get(1, '0612345678')]).toEqual(['a', 'b', 'c', 'd']);
    expect(cache.get(0, '999999999999999999')).toBe('e');
    expect(cache.get(2, '0612345678')).toBeUndefined();
    expect(cache.size).toBe(5);
  });
});
