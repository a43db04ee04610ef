import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImageRefs } from '../src/outreach/cluster/images.ts';
import { UnionFind } from '../src/outreach/cluster/union-find.ts';
import type { AdFeatures } from '../src/outreach/types.ts';
import { flipBits, randomHash, rng } from './outreach-cluster-helpers.ts';

const MAX_DISTANCE = 8;

function popcount64(x: bigint): number {
  let n = 0;
  for (let v = x; v > 0n; v &= v - 1n) n++;
  return n;
}

/** Groups of near-identical photos as ImageRefs finds them: one group id per image reference. */
function groupsOf(hashes: bigint[]): Int32Array {
  const refs = new ImageRefs(hashes.length);
  hashes.forEach((h, ad) => refs.add({ imageHashes: [h] } as AdFeatures, ad));
  const out = refs.finish(MAX_DISTANCE, 8);
  const byAd = new Int32Array(hashes.length);
  for (let r = 0; r < out.pairAd.length; r++) byAd[out.pairAd[r]!] = out.pairGroup[r]!;
  return byAd;
}

describe('near-identical photo hashes (LSH on bit bands)', () => {
  it('links every copy within 3 bits of its original, and links only through pairs within the distance (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 50, max: 400 }), (seed, originals) => {
        const r = rng(seed);
        const hashes: bigint[] = [];
        const copyOf: [number, number][] = [];
        // A shared 16-bit band for a third of the originals: buckets larger than 64 take the windowed path.
        const sharedTop = randomHash(r) & (0xffffn << 48n);
        for (let i = 0; i < originals; i++) {
          let h = randomHash(r);
          if (i % 3 === 0) h = (h & ~(0xffffn << 48n)) | sharedTop;
          hashes.push(h);
          if (i % 4 === 0) {
            copyOf.push([hashes.length, hashes.length - 1]);
            hashes.push(flipBits(h, 1 + (i % 3), r));
          }
        }
        const group = groupsOf(hashes);
        for (const [copy, original] of copyOf) expect(group[copy]).toBe(group[original]);
        // Soundness: the groups refine the components of the graph of all pairs within the distance.
        const truth = new UnionFind(hashes.length);
        for (let a = 0; a < hashes.length; a++) {
          for (let b = 0; b < a; b++) if (popcount64(hashes[a]! ^ hashes[b]!) <= MAX_DISTANCE) truth.union(a, b);
        }
        const component = new Map<number, number>();
        for (let a = 0; a < hashes.length; a++) {
          const known = component.get(group[a]!);
          if (known === undefined) component.set(group[a]!, truth.find(a));
          else expect(truth.find(a)).toBe(known);
        }
      }),
      { numRuns: 25 },
    );
  });
});
