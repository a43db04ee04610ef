import type { Analyze } from './analyze-lines.ts';
import { adFieldsOf } from './analyze/ad-fields.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/** The engine's own analyser: only its results are known to depend on nothing but the keyed fields. */
export const ENGINE_ANALYZER = new URL('./analyze/analyze-ad.ts', import.meta.url).href;

export type RepostMemoOptions = {
  /** Analyses per generation (at most two generations are held). */
  generation?: number;
  /** Recent ads remembered (by a 30-bit hash, two generations of this many) to tell reposts. */
  recent?: number;
  /** Ads per window in which the share of reposts is judged. */
  window?: number;
  /** The memo is on while at least this share of a window's ads were reposts of a recent ad. */
  minShare?: number;
};

const DEFAULTS: Required<RepostMemoOptions> = { generation: 16_384, recent: 65_536, window: 4096, minShare: 0.5 };

/**
 * Analyses reposts once. Scraped ad data is mostly reposts (one study deduplicated 5.05M scraped ads to
 * 0.52M unique, shared/domain/outreach.md): an ad whose text, country, city, age and listed contacts
 * equal those of a recent ad gets that ad's features, with its own id, source, date and image hashes.
 *
 * It switches itself on and off. Keeping analyses alive has a cost (young-generation collections copy
 * and promote them: analysis was 8-30% slower with a memo on a corpus with 20% reposts), so every ad's
 * fields are hashed cheaply (quickHash) into a set of recent ads, and the memo is used only while at
 * least `minShare` of the last window's ads were reposts. Results are the same either way: only equal
 * keys (memoKey) share an analysis; the hash only estimates how many reposts there are.
 */
export class RepostMemo {
  private readonly opts: Required<RepostMemoOptions>;
  private young = new Map<string, AdFeatures>();
  private old = new Map<string, AdFeatures>();
  private recentYoung = new Set<number>();
  private recentOld = new Set<number>();
  private active = false;
  private windowAds = 0;
  private windowReposts = 0;
  /** Ads answered from the memo, and ads seen, since it was made. */
  hits = 0;
  ads = 0;

  constructor(options: RepostMemoOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  get on(): boolean {
    return this.active;
  }

  analyze(analyzeAd: Analyze, record: AdRecord, index: number): AdFeatures {
    this.ads++;
    this.notice(quickHash(record));
    if (!this.active) return analyzeAd(record, index);
    const key = memoKey(record);
    const known = this.young.get(key) ?? this.old.get(key);
    if (known !== undefined) {
      this.hits++;
      this.store(key, known);
      return reuse(known, record, index);
    }
    const f = analyzeAd(record, index);
    this.store(key, copyOf(f));
    return f;
  }

  /** Counts the ad as a repost when its hash is recent, and judges each full window. */
  private notice(h: number): void {
    if (this.recentYoung.has(h) || this.recentOld.has(h)) this.windowReposts++;
    else {
      if (this.recentYoung.size >= this.opts.recent) {
        this.recentOld = this.recentYoung;
        this.recentYoung = new Set();
      }
      this.recentYoung.add(h);
    }
    if (++this.windowAds < this.opts.window) return;
    this.active = this.windowReposts >= this.opts.minShare * this.windowAds;
    this.windowAds = 0;
    this.windowReposts = 0;
    if (!this.active && this.young.size + this.old.size > 0) {
      this.young = new Map();
      this.old = new Map();
    }
  }

  private store(key: string, f: AdFeatures): void {
    if (this.young.get(key) === f) return;
    if (this.young.size >= this.opts.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, f);
  }
}

/** The engine's analyser behind a repost memo of its own (one per thread, for one run). */
export function withRepostMemo(analyzeAd: Analyze, options?: RepostMemoOptions): Analyze & { memo: RepostMemo } {
  const memo = new RepostMemo(options);
  const analyze = (record: AdRecord, index: number) => memo.analyze(analyzeAd, record, index);
  return Object.assign(analyze, { memo });
}

/**
 * Everything analyzeAd reads of a record except the fields it takes over as they are (adFieldsOf), each
 * length-prefixed so that no two different records share a key.
 */
export function memoKey(r: AdRecord): string {
  const age = r.age as unknown;
  const ageKey = typeof age === 'number' ? `n${age}` : typeof age === 'string' ? `s${age}` : '';
  return `${part(text(r.title))}${part(text(r.body))}${part(text(r.country))}${part(text(r.city))}${part(ageKey)}${list(r.phones)}${list(r.emails)}${list(r.handles)}`;
}

function text(v: unknown): string {
  return typeof v === 'string' ? `s${v}` : typeof v === 'number' ? `n${v}` : '';
}

function part(s: string): string {
  return `${s.length}:${s}`;
}

function list(v: unknown): string {
  if (!Array.isArray(v)) return '0:';
  let out = '';
  for (const x of v) if (typeof x === 'string') out += part(x);
  return part(out);
}

/** A copy of every array, so that what the consumer does to its features never reaches the memo. */
function copyOf(f: AdFeatures): AdFeatures {
  return {
    ...f,
    phones: f.phones.slice(),
    obfuscatedPhones: f.obfuscatedPhones.slice(),
    emails: f.emails.slice(),
    handles: f.handles.slice(),
    names: f.names.slice(),
    nationalities: f.nationalities.slice(),
    indicators: f.indicators.map((h) => ({ ...h })),
    imageHashes: f.imageHashes.slice(),
  };
}

function reuse(known: AdFeatures, record: AdRecord, index: number): AdFeatures {
  const f = copyOf(known);
  Object.assign(f, adFieldsOf(record), { index });
  return f;
}

/**
 * A 30-bit hash of the keyed fields (a small integer: no allocation), from their lengths and up to 32
 * sampled characters of each text. Ads with equal fields share it; different ads rarely do,
 * which only makes the repost share look a little higher.
 */
export function quickHash(r: AdRecord): number {
  let h = 0x811c9dc5 | 0;
  h = mixText(h, r.title);
  h = mixText(h, r.body);
  h = mixText(h, r.country);
  h = mixText(h, r.city);
  h = mixText(h, typeof r.age === 'number' ? String(r.age) : r.age);
  h = mixList(h, r.phones);
  h = mixList(h, r.emails);
  h = mixList(h, r.handles);
  return h & 0x3fffffff;
}

function mixText(h: number, v: unknown): number {
  if (typeof v !== 'string') return Math.imul(h ^ 0x5bd1e995, 0x01000193);
  const n = v.length;
  h = Math.imul(h ^ n, 0x01000193);
  const step = n > 32 ? (n >>> 5) + 1 : 1;
  for (let i = 0; i < n; i += step) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
  return h;
}

function mixList(h: number, v: unknown): number {
  if (!Array.isArray(v)) return Math.imul(h ^ 0x27d4eb2f, 0x01000193);
  h = Math.imul(h ^ v.length, 0x01000193);
  for (const x of v) h = mixText(h, x);
  return h;
}
