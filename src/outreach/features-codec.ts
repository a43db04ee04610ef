import type { TemplateSketch } from './cluster/text-sketch.ts';
import type { AdFeatures, IndicatorHit } from './types.ts';

/**
 * A compact, column-wise encoding of a batch of AdFeatures, for moving them from the analysis workers
 * to the main thread. Structured cloning of the objects measured about 20 microseconds per ad to
 * deserialise on the main thread (JSON about 9): as much as the whole per-ad budget. Here numbers go
 * in typed arrays and strings in two pools, all transferred or copied in one piece:
 * - short strings (codes, cities, phones, ids) are substrings of one string;
 * - long strings (templates, evidence) are UTF-8 bytes, each decoded into its own flat string (one byte
 *   per character when it can be), so that no string keeps a whole batch alive;
 * - a template already sketched by the worker (AdFeatures.templateSketch, the pipeline's case) travels
 *   as its key and MinHash values (ints and one Uint16Array) instead of its text.
 * Given a `StringTable`, decoding interns repeated strings and lists in it (one "amsterdam" for a
 * million ads; one list of photos for all reposts of an ad); the pipeline decodes without one, since
 * it keeps little of each ad (run-analysis.ts). Empty lists are one shared frozen array. Decoding runs
 * at a few microseconds per ad.
 */
export type EncodedFeatures = {
  count: number;
  short: string;
  long: Uint8Array;
  /** Per string: (length << 1) | pool (0 short: UTF-16 units, 1 long: UTF-8 bytes), or -1 for null. */
  lens: Int32Array;
  ints: Int32Array;
  nums: Float64Array;
  hashes: BigUint64Array;
  /** MinHash values of template sketches (AdFeatures.templateSketch), one after the other. */
  sigs: Uint16Array;
};

/** V8 copies substrings shorter than this; longer ones would be slices that keep their parent alive. */
const SLICE_MIN = 13;

class Encoder {
  short: string[] = [];
  long: string[] = [];
  lens: number[] = [];
  ints: number[] = [];
  nums: number[] = [];
  hashes: bigint[] = [];
  sigs = new Uint16Array(0);
  sigLength = 0;

  str(s: string | null): void {
    if (s === null || s === undefined) {
      this.lens.push(-1);
      return;
    }
    if (s.length < SLICE_MIN) {
      this.short.push(s);
      this.lens.push(s.length << 1);
    } else {
      this.long.push(s);
      this.lens.push((Buffer.byteLength(s, 'utf8') << 1) | 1);
    }
  }

  list(xs: readonly string[]): void {
    this.ints.push(xs.length);
    for (const x of xs) this.str(x);
  }

  /** The template: its sketch when there is one (then the text is not sent), else the text. */
  template(f: AdFeatures): void {
    const s = f.templateSketch;
    if (!s) {
      this.ints.push(-1);
      this.str(f.templateText);
      return;
    }
    this.ints.push(s.sig.length, s.keyLo, s.keyHi, s.length, s.own, s.total);
    if (this.sigLength + s.sig.length > this.sigs.length) {
      const next = new Uint16Array(Math.max(4096, (this.sigLength + s.sig.length) * 2));
      next.set(this.sigs.subarray(0, this.sigLength));
      this.sigs = next;
    }
    this.sigs.set(s.sig, this.sigLength);
    this.sigLength += s.sig.length;
  }
}

/** Encodes ads one at a time (so a worker need not hold a batch's feature objects), then the batch. */
export class FeatureEncoder {
  private e = new Encoder();
  private count = 0;

  add(f: AdFeatures): void {
    const e = this.e;
    this.count++;
    e.nums.push(f.index, f.postedAt ?? NaN, f.age ?? NaN, f.price ?? NaN);
    e.str(f.id);
    e.str(f.source);
    e.str(f.city);
    e.str(f.country);
    e.str(f.language);
    e.list(f.phones);
    e.list(f.obfuscatedPhones);
    e.list(f.emails);
    e.list(f.handles);
    e.list(f.names);
    e.list(f.nationalities);
    e.ints.push(f.indicators.length);
    for (const h of f.indicators) {
      e.str(h.code);
      e.str(h.evidence);
      e.nums.push(h.weight, h.span ? h.span[0] : NaN, h.span ? h.span[1] : NaN);
    }
    e.template(f);
    e.ints.push(f.imageHashes.length);
    for (const h of f.imageHashes) e.hashes.push(BigInt.asUintN(64, h));
  }

  /** The encoded batch; the encoder starts afresh. */
  finish(): EncodedFeatures {
    const e = this.e;
    const out = {
      count: this.count,
      short: e.short.join(''),
      long: Buffer.from(e.long.join(''), 'utf8'),
      lens: Int32Array.from(e.lens),
      ints: Int32Array.from(e.ints),
      nums: Float64Array.from(e.nums),
      hashes: BigUint64Array.from(e.hashes),
      sigs: e.sigs.slice(0, e.sigLength),
    };
    this.e = new Encoder();
    this.count = 0;
    return out;
  }
}

export function encodeFeatures(batch: readonly AdFeatures[]): EncodedFeatures {
  const enc = new FeatureEncoder();
  for (const f of batch) enc.add(f);
  return enc.finish();
}

/** The buffers to transfer with an encoded batch. */
export function transferList(x: EncodedFeatures): ArrayBuffer[] {
  const buffers = [x.lens.buffer, x.ints.buffer, x.nums.buffer, x.hashes.buffer, x.sigs.buffer] as ArrayBuffer[];
  // A small Buffer lives in Node's shared pool: it is copied rather than transferred.
  if (x.long.byteOffset === 0 && x.long.byteLength === x.long.buffer.byteLength) buffers.push(x.long.buffer as ArrayBuffer);
  return buffers;
}

/**
 * One copy of each repeated value: strings (cities, codes, phones, languages, identical templates,
 * which reposts produce) and whole lists (a repost's phones, photos and indicators). Shared lists are
 * frozen: the engine reads features, it never changes them. Ids are not interned: they are unique.
 */
export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly lists = new Map<string, readonly unknown[]>();
  private readonly singles = new Map<string, string[]>();
  // Scratch space to build list keys from numbers without formatting them.
  private f64 = new Float64Array(64);
  private u16 = new Uint16Array(this.f64.buffer);

  intern(s: string): string {
    return this.strings[this.id(s)]!;
  }

  private id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The shared copy of a list of strings. */
  list(xs: string[]): string[] {
    if (xs.length === 0) return EMPTY;
    if (xs.length > 1) {
      this.reserve(xs.length);
      for (let i = 0; i < xs.length; i++) {
        const id = this.id(xs[i]!);
        xs[i] = this.strings[id]!;
        this.f64[i] = id;
      }
      return this.share(`\u0001${String.fromCharCode.apply(null, this.u16.subarray(0, xs.length * 4) as unknown as number[])}`, xs);
    }
    // One element (most lists): keyed by the string itself, in a map of its own, looked up first (a
    // known list needs no interning of its string: the list holds the interned copy).
    const known = this.singles.get(xs[0]!);
    if (known !== undefined) return known;
    xs[0] = this.intern(xs[0]!);
    Object.freeze(xs);
    this.singles.set(xs[0]!, xs);
    return xs;
  }

  /** The shared copy of a list of indicator hits (the key is built from string ids and raw number bits). */
  hits(xs: IndicatorHit[]): IndicatorHit[] {
    if (xs.length === 0) return EMPTY;
    this.reserve(xs.length * 4);
    const f = this.f64;
    let at = 0;
    for (const h of xs) {
      const c = this.id(h.code);
      const e = this.id(h.evidence);
      h.code = this.strings[c]!;
      h.evidence = this.strings[e]!;
      f[at++] = c * 4294967296 + e;
      f[at++] = h.weight;
      f[at++] = h.span ? h.span[0] : NaN;
      f[at++] = h.span ? h.span[1] : NaN;
    }
    return this.share(`\u0002${String.fromCharCode.apply(null, this.u16.subarray(0, at * 4) as unknown as number[])}`, xs);
  }

  /** The shared copy of a list of image hashes. */
  hashes(xs: bigint[]): bigint[] {
    if (xs.length === 0) return EMPTY;
    this.reserve(xs.length);
    const view = new BigUint64Array(this.f64.buffer, 0, xs.length);
    for (let i = 0; i < xs.length; i++) view[i] = BigInt.asUintN(64, xs[i]!);
    return this.share(`\u0003${String.fromCharCode.apply(null, this.u16.subarray(0, xs.length * 4) as unknown as number[])}`, xs);
  }

  private reserve(doubles: number): void {
    if (doubles <= this.f64.length) return;
    this.f64 = new Float64Array(doubles * 2);
    this.u16 = new Uint16Array(this.f64.buffer);
  }

  private share<T>(key: string, xs: T[]): T[] {
    const known = this.lists.get(key);
    if (known !== undefined) return known as T[];
    Object.freeze(xs);
    this.lists.set(key, xs);
    return xs;
  }

  get size(): number {
    return this.strings.length + this.lists.size + this.singles.size;
  }
}

const EMPTY = Object.freeze([]) as unknown as never[];

/** Gives already-built features the same sharing as decoded ones (for batches analysed in this thread). */
export function compactFeatures(f: AdFeatures, table: StringTable): void {
  f.source = table.intern(f.source);
  if (f.city !== null) f.city = table.intern(f.city);
  if (f.country !== null) f.country = table.intern(f.country);
  f.language = table.intern(f.language);
  f.phones = table.list(f.phones);
  f.obfuscatedPhones = table.list(f.obfuscatedPhones);
  f.emails = table.list(f.emails);
  f.handles = table.list(f.handles);
  f.names = table.list(f.names);
  f.nationalities = table.list(f.nationalities);
  f.indicators = table.hits(f.indicators);
  f.templateText = table.intern(f.templateText);
  f.imageHashes = table.hashes(f.imageHashes);
}

/**
 * The features of an encoded batch. With a `table`, repeated strings and lists are shared through it;
 * without one every value is its own (for a consumer that keeps little of each ad, see analyze-input.ts).
 */
export function decodeFeatures(x: EncodedFeatures, table?: StringTable): AdFeatures[] {
  const { short, lens, ints, nums, hashes, sigs } = x;
  let sigAt = 0;
  const long = Buffer.from(x.long.buffer, x.long.byteOffset, x.long.byteLength);
  let shortAt = 0;
  let longAt = 0;
  let s = 0;
  let i = 0;
  let n = 0;
  let h = 0;
  const raw = (): string | null => {
    const l = lens[s++]!;
    if (l < 0) return null;
    const len = l >> 1;
    if (l & 1) {
      longAt += len;
      return long.toString('utf8', longAt - len, longAt);
    }
    shortAt += len;
    return short.substring(shortAt - len, shortAt);
  };
  const str = (): string => {
    const v = raw();
    return v === null || !table ? (v as string) : table.intern(v);
  };
  const list = (): string[] => {
    const k = ints[i++]!;
    if (k === 0) return EMPTY;
    const out: string[] = [];
    for (let j = 0; j < k; j++) out.push(str());
    return table ? table.list(out) : out;
  };
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const out: AdFeatures[] = [];
  for (let a = 0; a < x.count; a++) {
    const index = nums[n++]!;
    const postedAt = num(nums[n++]!);
    const age = num(nums[n++]!);
    const price = num(nums[n++]!);
    const id = raw()!;
    const source = str();
    const city = str() as string | null;
    const country = str() as string | null;
    const language = str();
    const phones = list();
    const obfuscatedPhones = list();
    const emails = list();
    const handles = list();
    const names = list();
    const nationalities = list();
    const k = ints[i++]!;
    let indicators: IndicatorHit[] = EMPTY;
    if (k > 0) {
      const hits: IndicatorHit[] = [];
      for (let j = 0; j < k; j++) {
        const code = str();
        const evidence = str();
        const weight = nums[n++]!;
        const s0 = nums[n++]!;
        const s1 = nums[n++]!;
        hits.push(Number.isNaN(s0) ? { code, weight, evidence } : { code, weight, evidence, span: [s0, s1] });
      }
      indicators = table ? table.hits(hits) : hits;
    }
    const bins = ints[i++]!;
    let templateText = '';
    let templateSketch: TemplateSketch | undefined;
    if (bins < 0) templateText = str();
    else {
      // A view into the batch's buffer: the consumer (TextIndex.addSketch) copies what it keeps.
      templateSketch = { keyLo: ints[i]!, keyHi: ints[i + 1]!, length: ints[i + 2]!, own: ints[i + 3]!, total: ints[i + 4]!, sig: sigs.subarray(sigAt, sigAt + bins) };
      i += 5;
      sigAt += bins;
    }
    const m = ints[i++]!;
    let imageHashes: bigint[] = EMPTY;
    if (m > 0) {
      const hs: bigint[] = [];
      for (let j = 0; j < m; j++) hs.push(hashes[h++]!);
      imageHashes = table ? table.hashes(hs) : hs;
    }
    const f: AdFeatures = {
      index,
      id,
      source,
      postedAt,
      city,
      country,
      language,
      phones,
      obfuscatedPhones,
      emails,
      handles,
      age,
      price,
      names,
      nationalities,
      indicators,
      templateText,
      imageHashes,
    };
    if (templateSketch) f.templateSketch = templateSketch;
    out.push(f);
  }
  return out;
}
