/**
 * A template text reduced to what clustering needs of it: a 64-bit key of the whole text (to recognise
 * identical texts without keeping them) and its MinHash sketch. Made where the text is (the clusterer
 * in one thread, or an analysis worker, which then sends ~150 bytes instead of the text).
 */
import type { TextConfig } from './config.ts';
import { fmix32 } from './hash.ts';
import { MinHasher } from './minhash.ts';
import { ShingleBuffer, shingleText } from './shingles.ts';

export type TemplateSketch = {
  /** Two independent 32-bit hashes of the whole text and its length (textKey). */
  keyLo: number;
  keyHi: number;
  length: number;
  /** Bit mask of the first min(k, 32) bins that held a shingle of their own (MinHasher.signatureInto). */
  own: number;
  /** Shingles before sampling. */
  total: number;
  /** k 16-bit MinHash values. */
  sig: Uint16Array;
};

let keyHi = 0;

/** The high half of the key computed by the last textKey call (returned this way: no allocation per text). */
export function lastKeyHi(): number {
  return keyHi;
}

/**
 * A 64-bit key of the whole text: FNV-1a and MurmurHash3 (two code units per block) with different
 * seeds, each finalised with the length. Two distinct texts share a key with probability ~2^-64 (about
 * 3e-8 for a million distinct texts in one run); then they count as one text, i.e. as an exact repost.
 * Returns the low half; the high half is then `lastKeyHi()`.
 */
export function textKey(t: string): number {
  const len = t.length;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let i = 0;
  for (; i + 1 < len; i += 2) {
    const c0 = t.charCodeAt(i);
    const c1 = t.charCodeAt(i + 1);
    a = Math.imul(a ^ c0, 0x01000193);
    a = Math.imul(a ^ c1, 0x01000193);
    let k = Math.imul(c0 | (c1 << 16), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    b ^= k;
    b = (Math.imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
  }
  if (i < len) {
    const c0 = t.charCodeAt(i);
    a = Math.imul(a ^ c0, 0x01000193);
    let k = Math.imul(c0, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    b ^= k;
  }
  keyHi = fmix32((b ^ len) >>> 0) | 0;
  return fmix32((a ^ Math.imul(len, 0x9e3779b1)) >>> 0) | 0;
}

/** Sketches texts with one text configuration (k, character n-grams, sampling). */
export class TemplateSketcher {
  readonly k: number;
  private readonly hasher: MinHasher;
  private readonly buf = new ShingleBuffer();

  constructor(private readonly cfg: Pick<TextConfig, 'k' | 'charN' | 'charSampleBits'>) {
    this.k = cfg.k;
    this.hasher = new MinHasher(cfg.k);
  }

  /** Writes the signature of `text` to `sigs[offset .. offset + k)`; returns own bins, sets `total`. */
  sketchInto(text: string, sigs: Uint16Array, offset: number): number {
    const count = shingleText(text, this.buf, this.cfg.charN, this.cfg.charSampleBits);
    return this.hasher.signatureInto(this.buf.buf, count, sigs, offset);
  }

  /** Shingles (before sampling) of the last text sketched. */
  get total(): number {
    return this.buf.total;
  }

  sketch(text: string): TemplateSketch {
    const sig = new Uint16Array(this.k);
    const keyLo = textKey(text);
    const hi = keyHi;
    const own = this.sketchInto(text, sig, 0);
    return { keyLo, keyHi: hi, length: text.length, own: own | 0, total: this.buf.total, sig };
  }
}
