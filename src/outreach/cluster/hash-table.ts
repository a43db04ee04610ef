/**
 * An open-addressing hash table from 32-bit hashes to non-negative integers, on typed arrays. Used
 * instead of Map for the per-ad indexes (distinct texts, identifiers, personas): a Map with a million
 * entries re-allocates its table on the JavaScript heap as it grows, and with a million ads' features
 * on that heap every such allocation brings a full garbage collection closer; typed arrays live outside
 * it. Several entries may share a hash; callers walk them with first/next and check equality themselves.
 */
export class HashTable {
  private hashes: Int32Array;
  private values: Int32Array; // value + 1; 0 = empty slot
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.hashes = new Int32Array(cap);
    this.values = new Int32Array(cap);
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
    return this.values[slot]! - 1;
  }

  insert(hash: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    let s = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    while (this.values[s] !== 0) s = (s + 1) & this.mask;
    this.hashes[s] = hash | 0;
    this.values[s] = value + 1;
    this.size++;
  }

  private scan(h: number, s: number): number {
    const values = this.values;
    const hashes = this.hashes;
    const mask = this.mask;
    while (values[s] !== 0) {
      if (hashes[s] === h) return s;
      s = (s + 1) & mask;
    }
    return -1;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldValues = this.values;
    this.hashes = new Int32Array(oldValues.length * 2);
    this.values = new Int32Array(oldValues.length * 2);
    this.mask = this.values.length - 1;
    this.size = 0;
    for (let s = 0; s < oldValues.length; s++) if (oldValues[s] !== 0) this.insert(oldHashes[s]!, oldValues[s]! - 1);
  }
}
