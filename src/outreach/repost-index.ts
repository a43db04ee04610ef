import { fmix32 } from './cluster/hash.ts';
import type { AdRecord } from './types.ts';

/**
 * Finds exact reposts at any distance in one run: an ad whose analysed fields (those memoKey lists:
 * title, body, country, city, age, phones, e-mails, handles) equal those of an earlier ad. analyzeAd is
 * a pure function of those fields plus the ones an ad keeps as they are (id, source, date, photos:
 * adFieldsOf), so a repost's analysis and its indexing for clustering can be taken over from the
 * earlier ad (Clusterer.addRepost) instead of being made again.
 *
 * Each ad is remembered by a 64-bit key of its fields (two independent 32-bit hashes over a
 * type-tagged, length-prefixed walk of them, two code units at a time; no string is built), in 32 to
 * 64 bytes per distinct ad (a 16-byte slot, the table at most half full). Two different ads share a
 * key with probability about 2^-64 per pair (about 3e-8 in a run of a million distinct ads); the text
 * index of clustering takes the same risk (text-sketch.ts textKey).
 */
export class RepostIndex {
  /**
   * Open addressing on one typed array, a slot per 4 ints: key low half, key high half, ad + 1 (0 =
   * empty), unused. A lookup reads one cache line; the table is tens of megabytes at a million ads, so
   * a second array (the high halves apart) would cost a second cache miss per ad.
   */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private lo = 0;
  private hi = 0;

  constructor(expectedAds = 16_384) {
    let cap = 1024;
    while (cap < expectedAds * 2) cap *= 2;
    this.slots = new Int32Array(4 * cap);
    this.mask = cap - 1;
  }

  /** Distinct ads remembered. */
  get size(): number {
    return this.count;
  }

  /** The earlier ad with the same analysed fields as `r`, or -1 (then `add` may remember `r`). */
  find(r: AdRecord): number {
    keyOf(r);
    this.lo = keyLo;
    this.hi = keyHi;
    const slots = this.slots;
    for (let s = keyLo & this.mask; ; s = (s + 1) & this.mask) {
      const ad = slots[4 * s + 2]!;
      if (ad === 0) return -1;
      if (slots[4 * s] === keyLo && slots[4 * s + 1] === keyHi) return ad - 1;
    }
  }

  /** Remembers the record last passed to `find` as ad number `ad`. */
  add(ad: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.put(this.lo, this.hi, ad + 1);
    this.count++;
  }

  private put(lo: number, hi: number, value: number): void {
    const slots = this.slots;
    let s = lo & this.mask;
    while (slots[4 * s + 2] !== 0) s = (s + 1) & this.mask;
    slots[4 * s] = lo;
    slots[4 * s + 1] = hi;
    slots[4 * s + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.slots.length >>> 2) - 1;
    for (let s = 0; s < old.length; s += 4) if (old[s + 2] !== 0) this.put(old[s]!, old[s + 1]!, old[s + 2]!);
  }
}

let keyLo = 0;
let keyHi = 0;

// Two streams, each code unit pair fed to both: a multiply-xorshift (a) and MurmurHash3's block mix (b).
let a = 0;
let b = 0;

function block(k: number): void {
  a = Math.imul(a ^ k, 0x01000193);
  a ^= a >>> 13;
  k = Math.imul(k, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  b ^= k;
  b = (Math.imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
}

function text(tag: number, v: string): void {
  const n = v.length;
  block(tag | (n << 3));
  // The block mix inlined on locals: the loop runs over every character of every ad.
  let x = a;
  let y = b;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16);
    x = Math.imul(x ^ k, 0x01000193);
    x ^= x >>> 13;
    k = Math.imul(k, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    y ^= k;
    y = (Math.imul((y << 13) | (y >>> 19), 5) + 0xe6546b64) | 0;
  }
  a = x;
  b = y;
  if (i < n) block(v.charCodeAt(i));
}

/** A string as tag, length and code units; a number as its text with another tag; anything else as a tag. */
function value(v: unknown): void {
  if (typeof v === 'string') text(1, v);
  else if (typeof v === 'number') text(2, String(v));
  else block(3);
}

/** The string items of a list (what memoKey keeps of it: no list reads as an empty one), counted. */
function list(v: unknown): void {
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) {
      if (typeof x !== 'string') continue;
      value(x);
      n++;
    }
  }
  block(5 | (n << 3));
}

/**
 * Sets keyLo/keyHi for the fields memoKey (repost-memo.ts) keys, distinguished as it distinguishes
 * them: strings from numbers (age 21 from "21"), list items at their boundaries; a missing list is an
 * empty one, and values of other types count as absent (analyzeAd reads them so too).
 */
function keyOf(r: AdRecord): void {
  a = 0x811c9dc5 | 0;
  b = 0x9747b28c | 0;
  value(r.title);
  value(r.body);
  value(r.country);
  value(r.city);
  const age = r.age as unknown;
  value(typeof age === 'number' || typeof age === 'string' ? age : undefined);
  list(r.phones);
  list(r.emails);
  list(r.handles);
  keyLo = fmix32(a >>> 0) | 0;
  keyHi = fmix32(b >>> 0) | 0;
}
