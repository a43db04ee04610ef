/**
 * Small, allocation-free 32-bit hashing over UTF-16 code units (the engine's hot paths hash millions of
 * shingles and keys, so no crypto and no strings per hash).
 */

/** MurmurHash3's finaliser: a cheap bijective mixer that spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the code units of `s`, continuing from `seed` (default: the FNV offset basis). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values into one well-mixed 32-bit hash. */
export function mix2(a: number, b: number): number {
  return fmix32((Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0);
}

/** The stable key of an ad across runs: "source:id". */
export function adKey(source: string, id: string): string {
  return `${source}:${id}`;
}

/** A 48-bit hex digest of a string (two independent 32-bit hashes), for readable stable ids. */
export function hex48(s: string): string {
  const a = fmix32(fnv1a(s));
  const b = fmix32(fnv1a(s, 0x01234567) ^ s.length);
  return a.toString(16).padStart(8, '0') + (b & 0xffff).toString(16).padStart(4, '0');
}

/** Hamming distance of two 64-bit values given as (hi, lo) 32-bit halves. */
export function hamming64(ahi: number, alo: number, bhi: number, blo: number): number {
  return popcount32((ahi ^ bhi) >>> 0) + popcount32((alo ^ blo) >>> 0);
}

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
