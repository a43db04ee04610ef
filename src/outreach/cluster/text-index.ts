/**
 * Distinct template texts and their MinHash sketches, built incrementally (one ad at a time, e.g. while
 * other ads are still being analysed). Per distinct text: a k-bin 16-bit signature, which of the first
 * bins held a shingle of their own, and the shingle count. Also counts, per (bin, value) of the first
 * quarter of the bins, how many distinct texts have that minimum: a shingle that is the minimum of its
 * bin in very many texts is a stock phrase (the minimum is a uniform sample of a text's shingles).
 */
import type { TextConfig } from './config.ts';
import { fmix32 } from './hash.ts';
import { HashTable } from './hash-table.ts';
import { IntVec } from './int-vec.ts';
import { MinHasher } from './minhash.ts';
import { ShingleBuffer, shingleText } from './shingles.ts';

/** The df table is indexed by (bin << 16 | value) >>> DF_SHIFT: 1 MB, small enough to stay in cache. */
export const DF_SHIFT = 2;

export class TextIndex {
  readonly k: number;
  readonly sampleBins: number;
  readonly texts: string[] = [];
  sigs: Uint16Array;
  readonly ownBins: IntVec;
  readonly totals: IntVec;
  readonly df: Uint32Array;
  private readonly seen: HashTable;
  private readonly hasher: MinHasher;
  private readonly buf = new ShingleBuffer();

  /** `expectedTexts`: capacity hint for distinct texts. */
  constructor(
    private readonly cfg: TextConfig,
    expectedTexts = 1024,
  ) {
    this.k = cfg.k;
    this.hasher = new MinHasher(cfg.k);
    this.sampleBins = Math.min(cfg.k >>> 2, 32);
    this.sigs = new Uint16Array(Math.max(expectedTexts, 16) * cfg.k);
    this.ownBins = new IntVec(expectedTexts);
    this.totals = new IntVec(expectedTexts);
    this.seen = new HashTable(expectedTexts);
    this.df = new Uint32Array(((this.sampleBins << 16) >>> 0) >>> DF_SHIFT);
  }

  get count(): number {
    return this.texts.length;
  }

  /** The distinct-text number of `text`, sketching it when new. */
  add(text: string): number {
    // Keyed by a hash of the length and ~100 sampled characters (hashing whole texts was the most
    // expensive line of clustering), verified by string equality.
    const h = sampledHash(text);
    for (let s = this.seen.first(h); s >= 0; s = this.seen.next(s, h)) {
      const u = this.seen.value(s);
      if (this.texts[u] === text) return u;
    }
    const u = this.texts.length;
    this.texts.push(text);
    this.seen.insert(h, u);
    this.sketch(u, text);
    return u;
  }

  private sketch(u: number, text: string): void {
    const k = this.k;
    if (this.sigs.length < (u + 1) * k) {
      const next = new Uint16Array(this.sigs.length * 2);
      next.set(this.sigs);
      this.sigs = next;
    }
    const count = shingleText(text, this.buf, this.cfg.charN, this.cfg.charSampleBits);
    const own = this.hasher.signatureInto(this.buf.buf, count, this.sigs, u * k);
    this.ownBins.push(own | 0);
    this.totals.push(this.buf.total);
    const base = u * k;
    for (let j = 0; j < this.sampleBins; j++) {
      if ((own >>> j) & 1) this.df[((j << 16) | this.sigs[base + j]!) >>> DF_SHIFT]!++;
    }
  }

  /** Share of a text's own sampled bins whose minimum is at least `commonDf` texts' minimum. */
  stockShare(u: number, commonDf: number): number {
    const own = this.ownBins.data[u]! >>> 0;
    const base = u * this.k;
    let sampled = 0;
    let common = 0;
    for (let j = 0; j < this.sampleBins; j++) {
      if (((own >>> j) & 1) === 0) continue;
      sampled++;
      if (this.df[((j << 16) | this.sigs[base + j]!) >>> DF_SHIFT]! >= commonDf) common++;
    }
    return sampled === 0 ? 0 : common / sampled;
  }
}

/** Hash of a text's length, its first and last 16 code units and 64 evenly spaced ones. */
export function sampledHash(t: string): number {
  const len = t.length;
  let h = fmix32((len ^ 0x9747b28c) >>> 0);
  if (len <= 96) {
    for (let i = 0; i < len; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    return fmix32(h >>> 0);
  }
  for (let i = 0; i < 16; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  for (let i = len - 16; i < len; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  const step = (len - 32) / 64;
  for (let i = 0; i < 64; i++) h = Math.imul(h ^ t.charCodeAt(16 + Math.floor(i * step)), 0x01000193);
  return fmix32(h >>> 0);
}
