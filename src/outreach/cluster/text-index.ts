/**
 * Distinct template texts and their MinHash sketches, built incrementally (one ad at a time, e.g. while
 * other ads are still being analysed). Per distinct text: a k-bin 16-bit signature, which of the first
 * bins held a shingle of their own, and the shingle count. Also counts, per (bin, value) of the first
 * quarter of the bins, how many distinct texts have that minimum: a shingle that is the minimum of its
 * bin in very many texts is a stock phrase (the minimum is a uniform sample of a text's shingles).
 *
 * Identical texts are recognised by a 64-bit key of the whole text and its length (text-sketch.ts), not
 * by keeping the texts: at a million ads the distinct texts were hundreds of megabytes of strings kept
 * only to be compared.
 */
import type { TextConfig } from './config.ts';
import { HashTable } from './hash-table.ts';
import { IntVec } from './int-vec.ts';
import { lastKeyHi, TemplateSketcher, textKey, type TemplateSketch } from './text-sketch.ts';

/** The df table is indexed by (bin << 16 | value) >>> DF_SHIFT: 1 MB, small enough to stay in cache. */
export const DF_SHIFT = 2;

export class TextIndex {
  readonly k: number;
  readonly sampleBins: number;
  sigs: Uint16Array;
  readonly ownBins: IntVec;
  readonly totals: IntVec;
  private readonly df: Uint32Array;
  /** Texts whose sampled bins are counted in df (countDf). */
  private dfCounted = 0;
  /** Per distinct text u: the key's high half at 2u and the text's length at 2u + 1 (one cache line). */
  private readonly keyHiAndLength: IntVec;
  private readonly seen: HashTable;
  private readonly sketcher: TemplateSketcher;
  private distinct = 0;

  /** `expectedTexts`: capacity hint for distinct texts. */
  constructor(cfg: TextConfig, expectedTexts = 1024) {
    this.k = cfg.k;
    this.sketcher = new TemplateSketcher(cfg);
    this.sampleBins = Math.min(cfg.k >>> 2, 32);
    this.sigs = new Uint16Array(Math.max(expectedTexts, 16) * cfg.k);
    this.ownBins = new IntVec(expectedTexts);
    this.totals = new IntVec(expectedTexts);
    this.keyHiAndLength = new IntVec(2 * expectedTexts);
    this.seen = new HashTable(expectedTexts);
    this.df = new Uint32Array(((this.sampleBins << 16) >>> 0) >>> DF_SHIFT);
  }

  get count(): number {
    return this.distinct;
  }

  /** The distinct-text number of `text`, sketching it when new. */
  add(text: string): number {
    const lo = textKey(text);
    const hi = lastKeyHi();
    const known = this.find(lo, hi, text.length);
    if (known >= 0) return known;
    const u = this.insert(lo, hi, text.length);
    const own = this.sketcher.sketchInto(text, this.sigs, u * this.k);
    this.record(own, this.sketcher.total);
    return u;
  }

  /** The same for a text sketched elsewhere (an analysis worker) with this index's text configuration. */
  addSketch(s: TemplateSketch): number {
    if (s.sig.length !== this.k) throw new Error(`TextIndex.addSketch: a sketch of ${s.sig.length} bins for an index of ${this.k}`);
    const known = this.find(s.keyLo, s.keyHi, s.length);
    if (known >= 0) return known;
    const u = this.insert(s.keyLo, s.keyHi, s.length);
    this.sigs.set(s.sig, u * this.k);
    this.record(s.own, s.total);
    return u;
  }

  private find(lo: number, hi: number, length: number): number {
    for (let s = this.seen.first(lo); s >= 0; s = this.seen.next(s, lo)) {
      const u = this.seen.value(s);
      if (this.keyHiAndLength.data[2 * u] === hi && this.keyHiAndLength.data[2 * u + 1] === length) return u;
    }
    return -1;
  }

  private insert(lo: number, hi: number, length: number): number {
    const u = this.distinct++;
    const k = this.k;
    if (this.sigs.length < (u + 1) * k) {
      const next = new Uint16Array(this.sigs.length * 2);
      next.set(this.sigs);
      this.sigs = next;
    }
    this.seen.insert(lo, u);
    this.keyHiAndLength.push(hi);
    this.keyHiAndLength.push(length);
    return u;
  }

  private record(own: number, total: number): void {
    this.ownBins.push(own | 0);
    this.totals.push(total);
  }

  /**
   * Counts the sampled bins of the texts added since the last count into df. Done when df is first
   * needed (clustering's finish) rather than as each text is added: in one loop the 1 MB table stays in
   * cache, while between two ads' analyses each of a text's ~16 increments missed it (~35 ms per
   * 100,000 ads, against ~7 ms here).
   */
  private countDf(): void {
    for (let u = this.dfCounted; u < this.distinct; u++) {
      const own = this.ownBins.data[u]!;
      const base = u * this.k;
      for (let j = 0; j < this.sampleBins; j++) {
        if ((own >>> j) & 1) this.df[((j << 16) | this.sigs[base + j]!) >>> DF_SHIFT]!++;
      }
    }
    this.dfCounted = this.distinct;
  }

  /** Share of a text's own sampled bins whose minimum is at least `commonDf` texts' minimum. */
  stockShare(u: number, commonDf: number): number {
    if (this.dfCounted < this.distinct) this.countDf();
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
