/**
 * LSD radix sort of (key, value) pairs on typed arrays: O(n), stable, no comparator calls. Used for
 * LSH bucketing (sort by band hash), canonical ad order and time order on millions of entries.
 */

import { type Arena, noArena } from './arena.ts';

const counts = new Int32Array(4 * 256);
let scratchKeys = new Uint32Array(0);
let scratchVals = new Int32Array(0);

function scratch(n: number): void {
  if (scratchKeys.length < n) {
    scratchKeys = new Uint32Array(n);
    scratchVals = new Int32Array(n);
  }
}

/**
 * Sorts `keys[0..n)` (unsigned 32-bit) ascending and permutes `vals` along. Stable. Scratch space is
 * `tmpKeys`/`tmpVals` when given (length >= n), else a module-level buffer kept between calls.
 *
 * The loops are small functions of their own: V8 then optimises each whole function once. As one
 * function, every call ran its first loop in the interpreter until on-stack replacement compiled that
 * loop alone, and the optimised code gave up (deoptimised) at the next line it had never seen run:
 * about 70 times in one clustering of 100,000 ads (node --trace-deopt).
 */
export function radixSortPairs(
  keys: Uint32Array,
  vals: Int32Array,
  n: number,
  tmpKeys?: Uint32Array,
  tmpVals?: Int32Array,
): void {
  if (!tmpKeys || !tmpVals || tmpKeys.length < n || tmpVals.length < n) {
    scratch(n);
    tmpKeys = scratchKeys;
    tmpVals = scratchVals;
  }
  if (n === 0) return;
  // The four digit histograms in one pass over the keys (a histogram does not depend on the order the
  // passes leave the keys in): one read of the keys instead of one per pass.
  histograms(keys, n);
  let srcK = keys;
  let srcV = vals;
  let dstK = tmpKeys;
  let dstV = tmpVals;
  for (let pass = 0; pass < 4; pass++) {
    const shift = pass * 8;
    const base = pass * 256;
    // A pass where every key has the same digit changes nothing.
    if (counts[base + ((srcK[0]! >>> shift) & 0xff)] === n) continue;
    startsFromCounts(base);
    scatter(srcK, srcV, dstK, dstV, n, shift, base);
    const tk = srcK;
    srcK = dstK;
    dstK = tk;
    const tv = srcV;
    srcV = dstV;
    dstV = tv;
  }
  if (srcK !== keys) {
    keys.set(srcK.subarray(0, n));
    vals.set(srcV.subarray(0, n));
  }
}

function histograms(keys: Uint32Array, n: number): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    counts[k & 0xff]!++;
    counts[256 + ((k >>> 8) & 0xff)]!++;
    counts[512 + ((k >>> 16) & 0xff)]!++;
    counts[768 + (k >>> 24)]!++;
  }
}

/** Digit counts of one pass -> each digit's first output position. */
function startsFromCounts(base: number): void {
  let sum = 0;
  for (let d = base; d < base + 256; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
}

function scatter(srcK: Uint32Array, srcV: Int32Array, dstK: Uint32Array, dstV: Int32Array, n: number, shift: number, base: number): void {
  for (let i = 0; i < n; i++) {
    const k = srcK[i]!;
    const pos = counts[base + ((k >>> shift) & 0xff)]!++;
    dstK[pos] = k;
    dstV[pos] = srcV[i]!;
  }
}

/** Indices 0..n-1 ordered by `keys` ascending (ties keep index order). Does not modify `keys`. */
export function argsortU32(keys: Uint32Array, n = keys.length, arena: Arena = noArena): Int32Array {
  const k = arena.u32(n);
  k.set(keys.subarray(0, n));
  const idx = arena.i32(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  radixSortPairs(k, idx, n);
  return idx;
}
