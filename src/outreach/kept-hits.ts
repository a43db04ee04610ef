import type { IndicatorHit } from './types.ts';

const EMPTY = Object.freeze([]) as unknown as IndicatorHit[];

/**
 * The indicator hits an ad keeps once it is analysed and indexed: code, weight and evidence (scoring and
 * the output need no spans). One object per distinct hit and one frozen list per distinct list, so the
 * reposts of an ad share them (a million ads' own copies were a tenth of the peak memory). Cheaper than
 * StringTable.hits, which built a key string per list: here a hit is found by its evidence (one map
 * lookup, then a scan of the few hits with that evidence), a one-hit list by the hit itself, and only
 * longer lists by a key of hit numbers.
 */
export class KeptHits {
  private readonly byEvidence = new Map<string, IndicatorHit[]>();
  private readonly numbers = new Map<IndicatorHit, number>();
  private readonly singles = new Map<IndicatorHit, IndicatorHit[]>();
  private readonly lists = new Map<string, IndicatorHit[]>();

  /** The shared copy of `hits` (which is left as it is). */
  keep(hits: readonly IndicatorHit[]): IndicatorHit[] {
    if (hits.length === 0) return EMPTY;
    if (hits.length === 1) {
      const h = this.hit(hits[0]!);
      let list = this.singles.get(h);
      if (list === undefined) {
        list = Object.freeze([h]) as IndicatorHit[];
        this.singles.set(h, list);
      }
      return list;
    }
    const out: IndicatorHit[] = [];
    let key = '';
    for (let i = 0; i < hits.length; i++) {
      const h = this.hit(hits[i]!);
      out.push(h);
      const n = this.numbers.get(h)!;
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
    return this.numbers.size;
  }

  private hit(x: IndicatorHit): IndicatorHit {
    let same = this.byEvidence.get(x.evidence);
    if (same === undefined) {
      same = [];
      this.byEvidence.set(x.evidence, same);
    }
    for (let i = 0; i < same.length; i++) {
      const h = same[i]!;
      if (h.code === x.code && Object.is(h.weight, x.weight)) return h;
    }
    const h: IndicatorHit = { code: x.code, weight: x.weight, evidence: x.evidence };
    this.numbers.set(h, this.numbers.size);
    same.push(h);
    return h;
  }
}
