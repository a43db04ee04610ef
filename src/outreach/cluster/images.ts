/**
 * Photos: 64-bit perceptual hashes (pHash/dHash) -> groups of near-identical hashes (Hamming distance
 * <= maxDistance), found with LSH on bit bands:
 * - 4 exact 16-bit bands: by pigeonhole, two hashes within 3 bits agree on at least one band;
 * - `randomTables` tables of 16 pseudo-randomly chosen bit positions (fixed seed): each catches a pair
 *   at distance d with probability ~C(64-d,16)/C(64,16) (0.31 at 4 bits, 0.16 at 6, 0.08 at 8), so with
 *   the exact bands 8 of them find ~9 in 10 pairs at 6 bits (recompression and resizing usually change
 *   fewer), and chains through the original photo find more.
 * Candidates are verified by popcount. Buckets are filled by a 16-bit counting sort, so there are no
 * per-pair objects. Stock photos and logos (one hash in many unrelated ads) are left to the group
 * evaluation, which treats them like generic phone numbers.
 */
import type { AdFeatures } from '../types.ts';
import { fmix32, popcount32 } from './hash.ts';
import { type Arena, noArena } from './arena.ts';
import { IntVec } from './int-vec.ts';
import { radixSortPairs } from './radix-sort.ts';
import { UnionFind } from './union-find.ts';

export type ImageStats = { imageRefs: number; distinctHashes: number; imageLinks: number };

export type ImageGroups = {
  /** One pair per image reference: the ad and its photo (a near-identical hash group, by distinct hash). */
  pairAd: Int32Array;
  pairGroup: Int32Array;
  distinctHashes: number;
  /** Distinct hash -> the hash as 16 hex digits. */
  hexOf: (distinct: number) => string;
  stats: ImageStats;
};

const view = new DataView(new ArrayBuffer(8));

/** Image hash references, collected one ad at a time. */
export class ImageRefs {
  private readonly hi: IntVec;
  private readonly lo: IntVec;
  private readonly ad: IntVec;

  /** `expectedRefs`: capacity hint. */
  constructor(expectedRefs: number) {
    this.hi = new IntVec(expectedRefs);
    this.lo = new IntVec(expectedRefs);
    this.ad = new IntVec(expectedRefs);
  }

  get count(): number {
    return this.ad.length;
  }

  add(a: Pick<AdFeatures, 'imageHashes'>, ad: number): void {
    const hashes = a.imageHashes;
    if (!hashes) return;
    for (let i = 0; i < hashes.length; i++) {
      view.setBigUint64(0, hashes[i]!); // ToBigUint64: taken modulo 2^64
      this.hi.push(view.getUint32(0) | 0);
      this.lo.push(view.getUint32(4) | 0);
      this.ad.push(ad);
    }
  }

  /** Distinct hashes (sorted by value: independent of input order) grouped by near-identity. */
  finish(maxDistance: number, randomTables: number, arena: Arena = noArena): ImageGroups {
    const m = this.ad.length;
    const hi = new Uint32Array(this.hi.data.buffer, 0, m);
    const lo = new Uint32Array(this.lo.data.buffer, 0, m);
    const pairGroup = new Int32Array(m);
    const mark = arena.mark();
    // Sort references by (hi, lo): LSD by lo, then stably by hi.
    const idx = arena.i32(m);
    for (let i = 0; i < m; i++) idx[i] = i;
    const keys = arena.u32(m);
    keys.set(lo);
    const tk = arena.u32(m);
    const tv = arena.i32(m);
    radixSortPairs(keys, idx, m, tk, tv);
    for (let i = 0; i < m; i++) keys[i] = hi[idx[i]!]!;
    radixSortPairs(keys, idx, m, tk, tv);

    let U = 0;
    for (let i = 0; i < m; i++) {
      const r = idx[i]!;
      const p = i > 0 ? idx[i - 1]! : -1;
      if (p < 0 || hi[p] !== hi[r] || lo[p] !== lo[r]) U++;
    }
    const H = new Uint32Array(U);
    const L = new Uint32Array(U);
    const refDistinct = pairGroup; // distinct numbers first, replaced by group roots below
    for (let i = 0, d = -1; i < m; i++) {
      const r = idx[i]!;
      if (d < 0 || H[d] !== hi[r] || L[d] !== lo[r]) {
        d++;
        H[d] = hi[r]!;
        L[d] = lo[r]!;
      }
      refDistinct[r] = d;
    }
    arena.reset(mark); // the sort's buffers are done with
    const uf = new UnionFind(U, arena);
    const imageLinks = linkNearHashes(H, L, uf, maxDistance, randomTables, arena);
    for (let r = 0; r < m; r++) pairGroup[r] = uf.find(refDistinct[r]!);
    arena.reset(mark);
    const pairAd = this.ad.data.subarray(0, m);
    return {
      pairAd,
      pairGroup,
      distinctHashes: U,
      hexOf: (g) => H[g]!.toString(16).padStart(8, '0') + L[g]!.toString(16).padStart(8, '0'),
      stats: { imageRefs: m, distinctHashes: U, imageLinks },
    };
  }
}

/** Byte lookup tables that gather 16 chosen bit positions of a 64-bit value into a 16-bit key. */
function randomTableLuts(tables: number): Uint16Array[] {
  const luts: Uint16Array[] = [];
  let seed = 0x2545f491;
  for (let t = 0; t < tables; t++) {
    const positions = Array.from({ length: 64 }, (_, i) => i);
    for (let i = 63; i > 0; i--) {
      seed = fmix32((seed + 0x9e3779b9) >>> 0);
      const j = seed % (i + 1);
      const tmp = positions[i]!;
      positions[i] = positions[j]!;
      positions[j] = tmp;
    }
    const lut = new Uint16Array(8 * 256);
    for (let slot = 0; slot < 16; slot++) {
      const bit = positions[slot]!; // 0..63, 0 = least significant bit of lo
      const byte = bit >>> 3;
      for (let v = 0; v < 256; v++) if ((v >>> (bit & 7)) & 1) lut[byte * 256 + v]! |= 1 << slot;
    }
    luts.push(lut);
  }
  return luts;
}

/**
 * Each step is a small function of its own, called once per table: V8 optimises it whole after the
 * first table, instead of compiling one loop at a time and dropping the code at the next unseen line.
 */
function linkNearHashes(H: Uint32Array, L: Uint32Array, uf: UnionFind, maxDistance: number, randomTables: number, arena: Arena): number {
  const U = H.length;
  if (U < 2) return 0;
  const keys = arena.u32(U);
  const vals = arena.i32(U);
  const tk = arena.u32(U);
  const tv = arena.i32(U);
  // Each bucket's hashes side by side (bucket order): its pairs then read neighbouring memory instead of
  // two random places in H and L per pair (at a million ads, a cache miss each).
  const bh = arena.u32(U);
  const bl = arena.u32(U);
  const luts = randomTableLuts(randomTables);
  let links = 0;
  const tables = 4 + luts.length;
  for (let t = 0; t < tables; t++) {
    if (t < 4) bandKeys(H, L, t, keys, vals);
    else lutKeys(H, L, luts[t - 4]!, keys, vals);
    radixSortPairs(keys, vals, U, tk, tv);
    gather(H, L, vals, bh, bl);
    // Bands 0 and 1 key on the high word, so the low word tells most non-matches apart: it goes first
    // (and the high word first for bands 2 and 3).
    links += t === 2 || t === 3 ? linkBuckets(keys, vals, bl, bh, uf, maxDistance) : linkBuckets(keys, vals, bh, bl, uf, maxDistance);
  }
  return links;
}

/** Key of each hash in exact band t (0..3: its four 16-bit quarters). */
function bandKeys(H: Uint32Array, L: Uint32Array, t: number, keys: Uint32Array, vals: Int32Array): void {
  const word = t < 2 ? H : L;
  const shift = t % 2 === 0 ? 16 : 0;
  for (let u = 0; u < word.length; u++) {
    keys[u] = (word[u]! >>> shift) & 0xffff;
    vals[u] = u;
  }
}

/** Key of each hash in a random table: its 16 chosen bits, gathered a byte at a time. */
function lutKeys(H: Uint32Array, L: Uint32Array, lut: Uint16Array, keys: Uint32Array, vals: Int32Array): void {
  for (let u = 0; u < H.length; u++) {
    const h = H[u]!;
    const l = L[u]!;
    keys[u] =
      lut[l & 0xff]! | lut[256 + ((l >>> 8) & 0xff)]! | lut[512 + ((l >>> 16) & 0xff)]! | lut[768 + (l >>> 24)]! |
      lut[1024 + (h & 0xff)]! | lut[1280 + ((h >>> 8) & 0xff)]! | lut[1536 + ((h >>> 16) & 0xff)]! | lut[1792 + (h >>> 24)]!;
    vals[u] = u;
  }
}

function gather(H: Uint32Array, L: Uint32Array, vals: Int32Array, bh: Uint32Array, bl: Uint32Array): void {
  for (let i = 0; i < vals.length; i++) {
    const u = vals[i]!;
    bh[i] = H[u]!;
    bl[i] = L[u]!;
  }
}

/**
 * Links the near-identical hashes of each bucket (equal keys, sorted); returns the links made. The
 * distance is counted on `second` only when `first` alone leaves it within `maxDistance` (in a bucket
 * of one 16-bit band, most pairs differ in a dozen or more bits of the other word).
 */
function linkBuckets(keys: Uint32Array, vals: Int32Array, second: Uint32Array, first: Uint32Array, uf: UnionFind, maxDistance: number): number {
  const U = keys.length;
  let links = 0;
  let s = 0;
  while (s < U) {
    let e = s + 1;
    while (e < U && keys[e] === keys[s]) e++;
    // Small buckets: all pairs; large ones (many similar photos): each member against its 16 predecessors.
    const window = e - s <= 64 ? e - s : 16;
    for (let i = s + 1; i < e; i++) {
      const a1 = first[i]!;
      const a2 = second[i]!;
      for (let j = Math.max(s, i - window); j < i; j++) {
        const d = popcount32((a1 ^ first[j]!) >>> 0);
        if (d > maxDistance || d + popcount32((a2 ^ second[j]!) >>> 0) > maxDistance) continue;
        if (uf.union(vals[i]!, vals[j]!) >= 0) links++;
      }
    }
    s = e;
  }
  return links;
}
