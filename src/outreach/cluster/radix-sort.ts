/**
 * LSD radix sort of (key, value) pairs on typed arrays: O(n), stable, no comparator calls. Used for
 * LSH bucketing (sort by band hash), canonical ad order and time order on millions of entries.
 */

import { type Arena, noArena } from './arena.ts';

const counts = new Int32Array(256);
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
  let srcK = keys;
  let srcV = vals;
  let dstK = tmpKeys;
  let dstV = tmpVals;
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(srcK[i]! >>> shift) & 0xff]!++;
    // A pass where every key has the same digit changes nothing.
    if (counts[(srcK[0]! >>> shift) & 0xff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = srcK[i]!;
      const pos = counts[(k >>> shift) & 0xff]!++;
      dstK[pos] = k;
      dstV[pos] = srcV[i]!;
    }
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

/** Indices 0..n-1 ordered by `keys` ascending (ties keep index order). Does not modify `keys`. */
export function argsortU32(keys: Uint32Array, n = keys.length, arena: Arena = noArena): Int32Array {
  const k = arena.u32(n);
  k.set(keys.subarray(0, n));
  const idx = arena.i32(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  radixSortPairs(k, idx, n);
  return idx;
}
