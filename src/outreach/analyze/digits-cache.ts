/**
 * A cache from (context, digit string) to a string, for the phone parser (phones.ts): open addressing
 * on one typed array instead of a Map per context. A digit string of up to 18 digits is its length and
 * two 9-digit numbers, so a lookup builds no key and compares no strings: one probe reads one slot of
 * 16 bytes. With a Map, the lookup cost about 2 us per ad at a million ads (hashing a fresh string,
 * then reading the table, the entry and the stored key string, each far apart in a large heap); this
 * costs a fraction of that. Other strings (longer, or not only digits) go to a Map.
 *
 * Slot s: slots[4s] = context * 32 + length + 1 (0 = empty), [4s + 1] = leading digits (all but the last
 * nine) as a number, [4s + 2] = the last nine digits as a number, [4s + 3] = index of the value.
 */
const MAX_PACKED_DIGITS = 18;

export class DigitsCache {
  private slots: Int32Array;
  private mask: number;
  private readonly values: string[] = [];
  private readonly others = new Map<string, string>();
  // The key of the digits last packed (pack).
  private keyTag = 0;
  private keyHi = 0;
  private keyLo = 0;

  /** `limit`: most entries it will hold (the caller clears it before); the table is sized for it. */
  constructor(limit: number) {
    let cap = 16;
    while (cap < limit * 2) cap *= 2;
    this.slots = new Int32Array(4 * cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.values.length + this.others.size;
  }

  /** The value for `digits` in `context` (0 to 2^25), or undefined. */
  get(context: number, digits: string): string | undefined {
    if (!this.pack(context, digits)) return this.others.get(`${context}:${digits}`);
    const slots = this.slots;
    const tag = this.keyTag;
    const hi = this.keyHi;
    const lo = this.keyLo;
    for (let s = this.home(tag, hi, lo); slots[4 * s] !== 0; s = (s + 1) & this.mask) {
      if (slots[4 * s] === tag && slots[4 * s + 1] === hi && slots[4 * s + 2] === lo) return this.values[slots[4 * s + 3]!];
    }
    return undefined;
  }

  /** Stores `value` for `digits` in `context` (not yet stored: call get first). */
  set(context: number, digits: string, value: string): void {
    if (!this.pack(context, digits)) {
      this.others.set(`${context}:${digits}`, value);
      return;
    }
    if (2 * (this.values.length + 1) > this.mask + 1) this.grow();
    this.insert(this.keyTag, this.keyHi, this.keyLo, this.values.length);
    this.values.push(value);
  }

  clear(): void {
    this.slots.fill(0);
    this.values.length = 0;
    this.others.clear();
  }

  /** Reads the key of `digits` into keyTag/keyHi/keyLo; false when it cannot be packed. */
  private pack(context: number, digits: string): boolean {
    const n = digits.length;
    if (n === 0 || n > MAX_PACKED_DIGITS) return false;
    const split = n > 9 ? n - 9 : 0;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      const d = digits.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      if (i < split) hi = hi * 10 + d;
      else lo = lo * 10 + d;
    }
    this.keyTag = context * 32 + n + 1;
    this.keyHi = hi;
    this.keyLo = lo;
    return true;
  }

  private insert(tag: number, hi: number, lo: number, value: number): void {
    const slots = this.slots;
    let s = this.home(tag, hi, lo);
    while (slots[4 * s] !== 0) s = (s + 1) & this.mask;
    slots[4 * s] = tag;
    slots[4 * s + 1] = hi;
    slots[4 * s + 2] = lo;
    slots[4 * s + 3] = value;
  }

  private home(tag: number, hi: number, lo: number): number {
    let h = Math.imul(tag ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35) ^ lo;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h & this.mask;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let s = 0; s < old.length; s += 4) if (old[s] !== 0) this.insert(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }
}
