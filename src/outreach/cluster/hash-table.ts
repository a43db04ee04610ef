/**
 * An open-addressing hash table from 32-bit hashes to non-negative integers, on typed arrays. Used
 * instead of Map for the per-ad indexes (distinct texts, identifiers, personas): a Map with a million
 * entries re-allocates its table on the JavaScript heap as it grows, and with a million ads' features
 * on that heap every such allocation brings a full garbage collection closer; typed arrays live outside
 * it. Several entries may share a hash; callers walk them with first/next and check equality themselves.
 */
export class HashTable {
  /**
   * Slot s is entries[2s] (the hash) and entries[2s + 1] (value + 1; 0 = empty): a probe reads one
   * cache line instead of one in each of two arrays (the tables are megabytes, and a lookup per ad
   * between two ads' analyses finds them out of cache).
   */
  private entries: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.entries = new Int32Array(2 * cap);
    this.mask = cap - 1;
  }

  /** The first slot holding `hash`, or -1. */
  first(hash: number): number {
    return this.scan(hash | 0, (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask);
  }

  /** The next slot after `slot` holding `hash`, or -1. */
  next(slot: number, hash: number): number {
    return this.scan(hash | 0, (slot + 1) & this.mask);
  }

  value(slot: number): number {
    return this.entries[2 * slot + 1]! - 1;
  }

  insert(hash: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const entries = this.entries;
    let s = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    while (entries[2 * s + 1] !== 0) s = (s + 1) & this.mask;
    entries[2 * s] = hash | 0;
    entries[2 * s + 1] = value + 1;
    this.size++;
  }

  private scan(h: number, s: number): number {
    const entries = this.entries;
    const mask = this.mask;
    while (entries[2 * s + 1] !== 0) {
      if (entries[2 * s] === h) return s;
      s = (s + 1) & mask;
    }
    return -1;
  }

  private grow(): void {
    const old = this.entries;
    this.entries = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.insert(old[s]!, old[s + 1]! - 1);
  }
}
