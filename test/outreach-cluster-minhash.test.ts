import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix32, hamming64 } from '../src/outreach/cluster/hash.ts';
import { forEachLshCandidate } from '../src/outreach/cluster/lsh.ts';
import { estimateJaccard, MinHasher } from '../src/outreach/cluster/minhash.ts';
import { argsortU32, radixSortPairs } from '../src/outreach/cluster/radix-sort.ts';
import { ShingleBuffer, shingleText } from '../src/outreach/cluster/shingles.ts';
import { TextIndex } from '../src/outreach/cluster/text-index.ts';
import { lastKeyHi, TemplateSketcher, textKey } from '../src/outreach/cluster/text-sketch.ts';
import { UnionFind } from '../src/outreach/cluster/union-find.ts';
import { defaultClusterConfig } from '../src/outreach/cluster/config.ts';
import { fill, randomText, rng, TEMPLATE_BG, TEMPLATE_EN, TEMPLATE_TH, TEMPLATE_ZH } from './outreach-cluster-helpers.ts';

/** Signature of a set of distinct 32-bit shingle hashes. */
function signature(h: MinHasher, set: number[], sigs: Uint16Array, row: number): void {
  h.signatureInto(Uint32Array.from(set), set.length, sigs, row * h.k);
}

function shingleSet(text: string): Set<number> {
  const buf = new ShingleBuffer();
  const n = shingleText(text, buf, 5, 0);
  return new Set(buf.buf.subarray(0, n));
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

describe('MinHash (one-permutation hashing, densified, 16-bit)', () => {
  it('estimates the Jaccard similarity of two sets (property)', () => {
    const k = 128;
    const h = new MinHasher(k);
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer(), (shared, onlyA, onlyB, seed) => {
        // Distinct well-mixed 32-bit values, as the shingler produces.
        const value = (i: number) => fmix32((i * 2654435761 + seed) >>> 0);
        const a: number[] = [];
        const b: number[] = [];
        let i = 0;
        for (let j = 0; j < shared; j++, i++) {
          a.push(value(i));
          b.push(value(i));
        }
        for (let j = 0; j < onlyA; j++, i++) a.push(value(i));
        for (let j = 0; j < onlyB; j++, i++) b.push(value(i));
        const truth = shared / (shared + onlyA + onlyB);
        const sigs = new Uint16Array(2 * k);
        signature(h, a, sigs, 0);
        signature(h, b, sigs, 1);
        const est = estimateJaccard(sigs, k, 0, 1);
        // k = 128 bins: standard deviation <= 0.045; 5 sigma.
        expect(Math.abs(est - truth)).toBeLessThan(0.23);
      }),
      { numRuns: 200 },
    );
  });

  it('is exact on identical and on disjoint sets', () => {
    const h = new MinHasher(64);
    const sigs = new Uint16Array(3 * 64);
    const a = Array.from({ length: 200 }, (_, i) => fmix32(i));
    const c = Array.from({ length: 200 }, (_, i) => fmix32(i + 100000));
    signature(h, a, sigs, 0);
    signature(h, [...a].reverse(), sigs, 1);
    signature(h, c, sigs, 2);
    expect(estimateJaccard(sigs, 64, 0, 1)).toBe(1);
    expect(estimateJaccard(sigs, 64, 0, 2)).toBeLessThan(0.1);
  });

  it('tracks the true Jaccard of real texts with changed slots', () => {
    const a = fill(TEMPLATE_EN, { name: 'anna', age: '21', city: 'utrecht', phone: '#' });
    const b = fill(TEMPLATE_EN, { name: 'maria', age: '24', city: 'breda', phone: '#' });
    const sa = shingleSet(a);
    const sb = shingleSet(b);
    const truth = jaccard(sa, sb);
    expect(truth).toBeGreaterThan(0.7);
    const h = new MinHasher(64);
    const sigs = new Uint16Array(2 * 64);
    signature(h, [...sa], sigs, 0);
    signature(h, [...sb], sigs, 1);
    expect(Math.abs(estimateJaccard(sigs, 64, 0, 1) - truth)).toBeLessThan(0.25);
  });
});

describe('shingles', () => {
  it('gives near-duplicates in scripts without spaces (Thai, Chinese) and in Cyrillic a high similarity', () => {
    for (const t of [TEMPLATE_TH, TEMPLATE_ZH, TEMPLATE_BG, TEMPLATE_EN]) {
      const a = shingleSet(fill(t, { name: 'AA', age: '21', city: 'CC', phone: '#' }));
      const b = shingleSet(fill(t, { name: 'BBB', age: '24', city: 'DDDD', phone: '#' }));
      expect(a.size).toBeGreaterThan(20);
      expect(jaccard(a, b)).toBeGreaterThan(0.6);
    }
  });

  it('gives unrelated texts almost no shared shingles', () => {
    const r = rng(1);
    const a = shingleSet(randomText(r));
    const b = shingleSet(randomText(r));
    expect(jaccard(a, b)).toBeLessThan(0.05);
  });

  it('ignores case, punctuation and emoji between words', () => {
    expect(shingleSet('Hello, WORLD!! 😀 nice to meet you')).toEqual(shingleSet('hello world nice to meet you'));
  });

  it('counts the shingles before sampling', () => {
    const buf = new ShingleBuffer();
    shingleText('one two three four five', buf, 5, 1);
    expect(buf.total).toBe(4); // four word bigrams
    const th = 'สวัสดีค่ะยินดีต้อนรับ'; // 21 units without spaces: 17 five-grams
    const kept = shingleText(th, buf, 5, 1);
    expect(buf.total).toBe(17);
    expect(kept).toBeLessThanOrEqual(17);
  });
});

describe('LSH', () => {
  it('offers near-duplicate texts as candidates and not unrelated ones', () => {
    const r = rng(7);
    const index = new TextIndex(defaultClusterConfig.text);
    const base = randomText(r, 80);
    const words = base.split(' ');
    const near = [...words];
    near[10] = 'changed';
    near[40] = 'slot';
    const a = index.add(base);
    const b = index.add(near.join(' '));
    const others = Array.from({ length: 50 }, () => index.add(randomText(r, 80)));
    const pairs: [number, number][] = [];
    const items = Int32Array.from([a, b, ...others]);
    forEachLshCandidate(index.sigs, index.k, items, defaultClusterConfig.text, (x, y) => pairs.push([x, y]));
    const key = (x: number, y: number) => `${Math.min(x, y)}-${Math.max(x, y)}`;
    const found = new Set(pairs.map(([x, y]) => key(x, y)));
    expect(found.has(key(a, b))).toBe(true);
    const verified = pairs.filter(([x, y]) => estimateJaccard(index.sigs, index.k, x, y) >= 0.6).map(([x, y]) => key(x, y));
    expect(new Set(verified)).toEqual(new Set([key(a, b)]));
  });

  it('dedupes identical texts and tells texts of equal length apart', () => {
    const index = new TextIndex(defaultClusterConfig.text);
    const t = 'x'.repeat(300);
    const u = `${'x'.repeat(151)}y${'x'.repeat(148)}`; // same length, one character apart
    const a = index.add(t);
    const b = index.add(u);
    expect(index.add(`${'x'.repeat(150)}${'x'.repeat(150)}`)).toBe(a);
    expect(b).not.toBe(a);
    expect(index.count).toBe(2);
  });

  it('gives a text sketched elsewhere the same distinct number and signature as the text itself (property)', () => {
    const sketcher = new TemplateSketcher(defaultClusterConfig.text);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('ik ben anna', 'ik ben anna ', 'สวัสดีค่ะ')), { maxLength: 12 }), (texts) => {
        const direct = new TextIndex(defaultClusterConfig.text);
        const sketched = new TextIndex(defaultClusterConfig.text);
        for (const t of texts) expect(sketched.addSketch(sketcher.sketch(t))).toBe(direct.add(t));
        expect(sketched.count).toBe(new Set(texts).size);
        expect(sketched.sigs.subarray(0, sketched.count * sketched.k)).toEqual(direct.sigs.subarray(0, direct.count * direct.k));
        expect(sketched.ownBins.view()).toEqual(direct.ownBins.view());
        expect(sketched.totals.view()).toEqual(direct.totals.view());
      }),
    );
  });

  it('keys texts by both halves of a 64-bit hash and their length', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const t = `ad ${i} ${'x'.repeat(i % 7)}`;
      keys.add(`${textKey(t)}:${lastKeyHi()}`);
    }
    expect(keys.size).toBe(20_000);
    expect(textKey('abc')).toBe(textKey('abc'));
    expect(() => new TextIndex(defaultClusterConfig.text).addSketch({ ...sketcher64(), sig: new Uint16Array(3) })).toThrow(/3 bins/);
  });
});

function sketcher64() {
  return new TemplateSketcher(defaultClusterConfig.text).sketch('x');
}

describe('typed-array helpers', () => {
  it('radix sort sorts (key, value) pairs stably (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 500 }), (xs) => {
        const keys = Uint32Array.from(xs);
        const vals = Int32Array.from(xs.map((_, i) => i));
        radixSortPairs(keys, vals, xs.length);
        const expected = xs.map((k, i) => [k, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        expect(Array.from(keys)).toEqual(expected.map((p) => p[0]));
        expect(Array.from(vals)).toEqual(expected.map((p) => p[1]));
        expect(Array.from(argsortU32(Uint32Array.from(xs)))).toEqual(expected.map((p) => p[1]));
      }),
    );
  });

  it('union-find gives the connected components of any edge list (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.tuple(fc.nat(59), fc.nat(59)), { maxLength: 80 }), (n, edges) => {
        const uf = new UnionFind(n);
        const valid = edges.filter(([a, b]) => a < n && b < n);
        for (const [a, b] of valid) uf.union(a, b);
        // Reference: repeated relaxation of labels.
        const label = Array.from({ length: n }, (_, i) => i);
        for (let changed = true; changed; ) {
          changed = false;
          for (const [a, b] of valid) {
            const m = Math.min(label[a]!, label[b]!);
            if (label[a] !== m || label[b] !== m) {
              label[a] = label[b] = m;
              changed = true;
            }
          }
        }
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(uf.find(a) === uf.find(b)).toBe(label[a] === label[b]);
        const sizes = new Map<number, number>();
        for (let a = 0; a < n; a++) sizes.set(uf.find(a), (sizes.get(uf.find(a)) ?? 0) + 1);
        for (const [root, size] of sizes) expect(uf.size[root]).toBe(size);
      }),
    );
  });

  it('counts differing bits of 64-bit hashes', () => {
    expect(hamming64(0, 0, 0, 0)).toBe(0);
    expect(hamming64(0xffffffff, 0, 0, 0xffffffff)).toBe(64);
    expect(hamming64(0x80000000, 1, 0, 0)).toBe(2);
  });
});
