import type { IndicatorHit } from './types.ts';

const EMPTY = Object.freeze([]) as unknown as IndicatorHit[];

/**
 * The indicator hits an ad keeps once it is analysed and indexed: code, weight and evidence (scoring and
 * the output need no spans). One object per distinct hit and one frozen list per distinct list, so the
 * reposts of an ad share them (a million ads' own copies were a tenth of the peak memory). Cheaper than
 * StringTable.hits, which built a key string per list: here a hit is found by its evidence (one map
 * lookup, then a scan of the few hits with that evidence), a one-hit list by the hit's number (an
 * array), and only longer lists by a key of hit numbers.
 */
export class KeptHits {
  /** Distinct hits by number. */
  private readonly all: IndicatorHit[] = [];
  /** Evidence -> the numbers of the distinct hits with that evidence. */
  private readonly byEvidence = new Map<string, number[]>();
  /** Hit number -> the one-hit list of that hit. */
  private readonly singles: (IndicatorHit[] | undefined)[] = [];
  private readonly lists = new Map<string, IndicatorHit[]>();

  /** The shared copy of `hits` (which is left as it is). */
  keep(hits: readonly IndicatorHit[]): IndicatorHit[] {
    if (hits.length === 0) return EMPTY;
    if (hits.length === 1) {
      const n = this.number(hits[0]!);
      return (this.singles[n] ??= Object.freeze([this.all[n]!]) as IndicatorHit[]);
    }
    const out: IndicatorHit[] = [];
    let key = '';
    for (let i = 0; i < hits.length; i++) {
      const n = this.number(hits[i]!);
      out.push(this.all[n]!);
      key += String.fromCharCode(n & 0xffff, n >>> 16);
    }
    const known = this.lists.get(key);
    if (known !== undefined) return known;
    Object.freeze(out);
    this.lists.set(key, out);
    return out;
  }

  /** Distinct hits kept so far. */
  get size(): number {
    return this.all.length;
  }

  /** The number of the kept hit equal to `x` (code, weight, evidence), keeping a copy when new. */
  private number(x: IndicatorHit): number {
    let same = this.byEvidence.get(x.evidence);
    if (same === undefined) {
      same = [];
      this.byEvidence.set(x.evidence, same);
    }
    for (let i = 0; i < same.length; i++) {
      const h = this.all[same[i]!]!;
      if (h.code === x.code && Object.is(h.weight, x.weight)) return same[i]!;
    }
    const n = this.all.length;
    this.all.push({ code: x.code, weight: x.weight, evidence: x.evidence });
    same.push(n);
    return n;
  }
}
