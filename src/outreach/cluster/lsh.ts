/**
 * Locality-sensitive hashing over stored MinHash signatures: `bands` bands of `rows` bins each; two
 * signatures that agree on a whole band land in the same bucket. With k = 64 as 16 x 4 the S-curve's
 * midpoint is (1/16)^(1/4) = 0.5, so pairs at Jaccard 0.6 are candidates with p ~ 0.89 and at 0.7 with
 * p ~ 0.99, before the caller verifies each candidate by estimated Jaccard.
 *
 * Bucketing is sort-based (radix sort of (band hash, item) pairs, reusing two typed buffers), and inside
 * a bucket only a star (first member to each) and a chain (neighbours) are offered as candidates: with
 * union-find downstream that connects the same groups as all pairs at O(bucket) instead of O(bucket^2).
 * Buckets larger than `maxBucket` are stock phrases rather than one operator's template and are skipped.
 */
import { fmix32 } from './hash.ts';
import { type Arena, noArena } from './arena.ts';
import { radixSortPairs } from './radix-sort.ts';

const BAND_SEEDS = Uint32Array.from({ length: 256 }, (_, b) => fmix32(Math.imul(b + 1, 0x9e3779b1) >>> 0));

export type LshOptions = { bands: number; rows: number; maxBucket: number };
export type LshStats = { candidates: number; oversizeBuckets: number; largestBucket: number };

/**
 * Calls `visit(a, b)` for candidate pairs among `items` (signature row numbers). `visit` may be called
 * more than once for a pair (once per shared band).
 */
export function forEachLshCandidate(
  sigs: Uint16Array,
  k: number,
  items: Int32Array,
  opts: LshOptions,
  visit: (a: number, b: number) => void,
  arena: Arena = noArena,
): LshStats {
  const n = items.length;
  const { bands, rows, maxBucket } = opts;
  if (bands * rows > k || bands > 256) throw new Error(`LSH needs bands x rows <= k and bands <= 256 (${bands} x ${rows}, k = ${k})`);
  const stats: LshStats = { candidates: 0, oversizeBuckets: 0, largestBucket: 0 };
  if (n < 2) return stats;
  // All band hashes in one pass over the signatures (row by row: each row is read once, not once per
  // band), then one sort per band.
  const bandKeys = arena.u32(bands * n);
  for (let i = 0; i < n; i++) {
    const base = items[i]! * k;
    for (let band = 0; band < bands; band++) {
      let h = BAND_SEEDS[band]!;
      const o = base + band * rows;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ sigs[o + r]!, 0x01000193);
      bandKeys[band * n + i] = fmix32(h >>> 0);
    }
  }
  const keys = arena.u32(n);
  const vals = arena.i32(n);
  const tmpK = arena.u32(n);
  const tmpV = arena.i32(n);
  for (let band = 0; band < bands; band++) {
    keys.set(bandKeys.subarray(band * n, band * n + n));
    vals.set(items);
    radixSortPairs(keys, vals, n, tmpK, tmpV);
    let s = 0;
    while (s < n) {
      const key = keys[s]!;
      let e = s + 1;
      while (e < n && keys[e] === key) e++;
      const size = e - s;
      if (size > stats.largestBucket) stats.largestBucket = size;
      if (size > maxBucket) stats.oversizeBuckets++;
      else if (size > 1) {
        const head = vals[s]!;
        for (let i = s + 1; i < e; i++) {
          visit(head, vals[i]!);
          stats.candidates++;
          if (i > s + 1) {
            visit(vals[i - 1]!, vals[i]!);
            stats.candidates++;
          }
        }
      }
      s = e;
    }
  }
  return stats;
}
