/**
 * Per-ad attributes as typed arrays, filled one ad at a time: key hash (for the canonical order),
 * interned city and persona, posting time. Then the canonical order (independent of input order) and
 * the time order.
 */
import type { AdFeatures, RetainedAd } from '../types.ts';
import { type Arena, noArena } from './arena.ts';
import { fmix32, fnv1a } from './hash.ts';
import { HashTable } from './hash-table.ts';
import { F64Vec, IntVec } from './int-vec.ts';
import { radixSortPairs } from './radix-sort.ts';

export class AdTable {
  readonly keyHash: IntVec;
  readonly cityOf: IntVec;
  readonly personaOf: IntVec;
  readonly postedAt: F64Vec;
  readonly cityNames: string[] = [];
  private readonly cityIds = new Map<string, number>();
  private readonly personaIds: HashTable;
  private personas = 0;

  constructor(expected: number) {
    this.keyHash = new IntVec(expected);
    this.cityOf = new IntVec(expected);
    this.personaOf = new IntVec(expected);
    this.postedAt = new F64Vec(expected);
    this.personaIds = new HashTable(expected);
  }

  get count(): number {
    return this.keyHash.length;
  }

  get personaCount(): number {
    return this.personas;
  }

  add(a: AdFeatures): void {
    this.keyHash.push(fnv1a(a.id, fnv1a(':', fnv1a(a.source))) | 0);
    let city = -1;
    if (a.city) {
      const id = this.cityIds.get(a.city);
      if (id === undefined) {
        city = this.cityNames.length;
        this.cityIds.set(a.city, city);
        this.cityNames.push(a.city);
      } else city = id;
    }
    this.cityOf.push(city);
    let persona = -1;
    const key = personaHash(a);
    if (key >= 0) {
      const s = this.personaIds.first(key);
      if (s < 0) {
        persona = this.personas++;
        this.personaIds.insert(key, persona);
      } else persona = this.personaIds.value(s);
    }
    this.personaOf.push(persona);
    const t = a.postedAt;
    this.postedAt.push(t !== null && Number.isFinite(t) ? t : Number.NaN);
  }

  /** Adds a repost of ad `of` (same city and persona) with its own key and posting time. */
  addRepost(own: Pick<AdFeatures, 'id' | 'source' | 'postedAt'>, of: number): void {
    this.keyHash.push(fnv1a(own.id, fnv1a(':', fnv1a(own.source))) | 0);
    this.cityOf.push(this.cityOf.data[of]!);
    this.personaOf.push(this.personaOf.data[of]!);
    const t = own.postedAt;
    this.postedAt.push(t !== null && Number.isFinite(t) ? t : Number.NaN);
  }
}

/**
 * A persona: the stated name(s) and nationality; the stated age only when no name is given (ages drift
 * between reposts of one person). Ads stating none of these have no known persona (-1). Keyed by a
 * 31-bit hash, order-independent over names and nationalities: no string per ad; a collision merely
 * makes two personas count as one.
 */
export function personaHash(a: AdFeatures): number {
  let names = 0;
  for (let i = 0; i < a.names.length; i++) names = (names + fmix32(fnv1a(a.names[i]!))) | 0;
  let nats = 0;
  for (let i = 0; i < a.nationalities.length; i++) nats = (nats + fmix32(fnv1a(a.nationalities[i]!, 0x1234567))) | 0;
  const hasAge = a.names.length === 0 && a.age !== null && Number.isFinite(a.age);
  if (a.names.length === 0 && a.nationalities.length === 0 && !hasAge) return -1;
  const h = fmix32((Math.imul(names, 0x9e3779b1) ^ Math.imul(nats, 0x85ebca6b) ^ (hasAge ? fmix32((a.age! | 0) + 0x2545f491) : 0)) >>> 0);
  return h & 0x7fffffff;
}

/**
 * Ad indices sorted by a hash of "source:id" (ties by source, id, then index). Every later step walks
 * ads in this order, so a shuffled input gives the same groups, links and cluster ids.
 */
export function canonicalOrder(ads: readonly RetainedAd[], keyHash: Int32Array, arena: Arena = noArena): Int32Array {
  const n = ads.length;
  const mark = arena.mark();
  const keys = arena.u32(n);
  keys.set(new Uint32Array(keyHash.buffer, keyHash.byteOffset, n));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  radixSortPairs(keys, order, n);
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && keys[e] === keys[s]) e++;
    if (e - s > 1) {
      const run = Array.from(order.subarray(s, e)).sort((x, y) => compareKeys(ads[x]!, ads[y]!) || x - y);
      order.set(run, s);
    }
    s = e;
  }
  arena.reset(mark);
  return order;
}

function compareKeys(a: RetainedAd, b: RetainedAd): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Ads ordered by posting time (minute resolution; undated first), ties in canonical order. */
export function timeOrder(postedAt: Float64Array, order: Int32Array, arena: Arena = noArena): Int32Array {
  const n = order.length;
  const keys = arena.u32(n);
  const out = arena.i32(n);
  for (let i = 0; i < n; i++) {
    const ad = order[i]!;
    const t = postedAt[ad]!;
    // Minutes since 1970 fit 32 bits until the year 10136; undated and pre-1970 ads sort first.
    keys[i] = !(t > 0) ? 0 : Math.min(Math.floor(t / 60000) + 1, 0xffffffff);
    out[i] = ad;
  }
  radixSortPairs(keys, out, n);
  return out;
}
