/**
 * MinHash signatures by one-permutation hashing (OPH, Li et al. 2012) with optimal densification
 * (Shrivastava 2017): each shingle hash (already a bijective 32-bit mix of the shingle) is sent to one
 * of k bins by its top bits and the bin keeps its minimum. That costs one pass over the shingles instead
 * of k hash evaluations per shingle (k a*x+b permutations would be ~64x slower and miss the 20,000 ads/s
 * budget); the probability that two signatures agree in a bin is still the Jaccard similarity.
 *
 * Signatures are stored 16 bits per bin (b-bit MinHash, Li & Koenig 2010) in one big Uint16Array
 * (texts x k): two different minima collide with probability ~2^-16, which does not matter for a
 * 0.6-0.9 similarity threshold, and it halves memory (128 MB for a million distinct texts at k = 64).
 */
import { fmix32 } from './hash.ts';

/** Above every stored value (values keep 32 - log2(k) <= 28 bits), so bins compare as small integers. */
const EMPTY = 0x7fffffff;

export class MinHasher {
  readonly k: number;
  readonly bits: number; // log2(k)
  private readonly valueMask: number;
  private readonly storeShift: number;
  private readonly mins: Int32Array;

  constructor(k: number) {
    const bits = Math.round(Math.log2(k));
    if (1 << bits !== k || bits < 4 || bits > 10) throw new Error(`MinHash k must be a power of two in 16..1024, got ${k}`);
    this.k = k;
    this.bits = bits;
    this.valueMask = (1 << (32 - bits)) - 1;
    this.storeShift = 32 - bits - 16;
    this.mins = new Int32Array(k);
  }

  binOf(h: number): number {
    return h >>> (32 - this.bits);
  }

  /**
   * Index of a shingle in a table keyed by (bin, stored 16-bit value): lets a per-shingle statistic
   * (document frequency) be looked up later from a stored signature entry.
   */
  keyOf(h: number): number {
    return h >>> this.storeShift;
  }

  /**
   * Writes the signature of `shingles[0..count)` to `sigs[offset .. offset + k)`. Returns a bit mask of
   * which of the first min(k, 32) bins held a shingle of their own (the others were densified).
   */
  signatureInto(shingles: Uint32Array, count: number, sigs: Uint16Array, offset: number): number {
    const k = this.k;
    const mins = this.mins;
    mins.fill(EMPTY);
    const shift = 32 - this.bits;
    const mask = this.valueMask;
    for (let i = 0; i < count; i++) {
      const h = shingles[i]!;
      const bin = h >>> shift;
      const v = h & mask;
      if (v < mins[bin]!) mins[bin] = v;
    }
    // Which bins hold a shingle, without a branch per bin (whether a bin is empty is a coin toss that
    // the processor mispredicts; this measured 15% off a signature): a bin below EMPTY has the sign bit
    // of mins - EMPTY set.
    let own = 0;
    let filled = 0;
    for (let j = 0; j < k; j++) {
      const has = (mins[j]! - EMPTY) >>> 31;
      filled += has;
      if (j < 32) own |= has << j;
    }
    if (filled === 0) {
      sigs.fill(0, offset, offset + k);
      return 0;
    }
    const storeShift = this.storeShift;
    for (let j = 0; j < k; j++) {
      let v = mins[j]!;
      if (v === EMPTY) {
        // Optimal densification: probe donor bins in an order that depends only on (j, attempt), so two
        // texts with the same empty bin borrow from the same donors.
        for (let t = 1; ; t++) {
          const donor = fmix32((Math.imul(j + 1, 0x9e3779b1) + Math.imul(t, 0x85ebca6b)) >>> 0) & (k - 1);
          if (mins[donor] !== EMPTY) {
            v = mins[donor]!;
            break;
          }
        }
      }
      sigs[offset + j] = (v >>> storeShift) & 0xffff;
    }
    return own >>> 0;
  }
}

/** Share of equal bins between two stored signatures: an unbiased estimate of their Jaccard similarity. */
export function estimateJaccard(sigs: Uint16Array, k: number, a: number, b: number): number {
  const oa = a * k;
  const ob = b * k;
  let eq = 0;
  for (let j = 0; j < k; j++) if (sigs[oa + j] === sigs[ob + j]) eq++;
  return eq / k;
}

/**
 * The number of equal bins of two stored signatures when it is at least `atLeast`, else -1: stops as
 * soon as too many bins differ (most LSH candidates are rejected, usually well before the last bin).
 */
export function equalBinsAtLeast(sigs: Uint16Array, k: number, a: number, b: number, atLeast: number): number {
  const oa = a * k;
  const ob = b * k;
  if (atLeast > k) return -1;
  const maxDiffer = k - atLeast;
  let differ = 0;
  for (let j = 0; j < k; j++) if (sigs[oa + j] !== sigs[ob + j] && ++differ > maxDiffer) return -1;
  return k - differ;
}
