/**
 * Identifier groups, filled one ad at a time: every phone (E.164), e-mail and messenger handle and the
 * ads that carry it. Whether a shared identifier may link its ads is decided later from the ads it joins
 * (groups.ts evaluateGroups): a rare number links on its own; a number in many ads with unrelated
 * texts, cities and personas is generic (help line, booking site, placeholder such as +31612345678)
 * and never links.
 */
import type { AdFeatures } from '../types.ts';
import { KIND_EMAIL, KIND_HANDLE, KIND_PHONE } from './groups.ts';
import { fnv1a } from './hash.ts';
import { HashTable } from './hash-table.ts';
import { IntVec } from './int-vec.ts';
import { isNameDerived } from './name-derived.ts';
import { isPlaceholderPhone } from './placeholder-phone.ts';

export class IdentifierIndex {
  readonly labels: string[] = [];
  readonly kinds: IntVec;
  /** Per identifier: 1 when some ad carrying it gives it as its persona's name with a decoration (name-derived.ts). */
  readonly nameDerived: IntVec;
  readonly pairGroup: IntVec;
  readonly pairAd: IntVec;
  /** Per ad: where its pairs start in pairGroup/pairAd (an ad's pairs are contiguous). */
  private readonly pairStart: IntVec;
  private readonly lastAd: IntVec;
  /** Per identifier: the last names it was found not to be derived from (checkNameDerived). */
  private readonly checkedNames: (readonly string[] | undefined)[] = [];
  private readonly table: HashTable;
  /** Per phone identifier: its one-phone list (lastPhones), made when first asked for. */
  private readonly phoneLists: (string[] | undefined)[] = [];
  private lastSinglePhone = -1;

  /** `expectedAds`: capacity hint (about 1.5 identifiers per ad are reserved). */
  constructor(expectedAds: number) {
    const pairs = Math.ceil(expectedAds * 1.5);
    this.kinds = new IntVec(expectedAds);
    this.nameDerived = new IntVec(expectedAds);
    this.lastAd = new IntVec(expectedAds);
    this.pairGroup = new IntVec(pairs);
    this.pairAd = new IntVec(pairs);
    this.pairStart = new IntVec(expectedAds);
    this.table = new HashTable(expectedAds);
  }

  add(a: AdFeatures, ad: number): void {
    this.pairStart.push(this.pairGroup.length);
    const phone = this.addAll(a.phones, KIND_PHONE, ad);
    this.lastSinglePhone = a.phones.length === 1 ? phone : -1;
    this.addAll(a.emails, KIND_EMAIL, ad, a.names);
    this.addAll(a.handles, KIND_HANDLE, ad, a.names);
  }

  /**
   * Adds ad `ad` as a repost of ad `of`: the same identifiers, in the same order. (Whether an identifier
   * is name-derived depends only on it and the names, which a repost shares: nothing to check again.)
   */
  addRepost(of: number, ad: number): void {
    const from = this.pairStart.data[of]!;
    const to = of + 1 < this.pairStart.length ? this.pairStart.data[of + 1]! : this.pairGroup.length;
    this.pairStart.push(this.pairGroup.length);
    for (let p = from; p < to; p++) {
      const g = this.pairGroup.data[p]!;
      this.lastAd.data[g] = ad;
      this.pairGroup.push(g);
      this.pairAd.push(ad);
    }
    this.lastSinglePhone = -1;
  }

  /**
   * The phones of the last added ad as one shared frozen list, when it has exactly one phone and that
   * phone is indexed (not a placeholder); else null. For the pipeline's RetainedAd: the index has just
   * found the phone's one copy, which saves a second lookup of the same number in another table.
   */
  lastPhones(): string[] | null {
    const g = this.lastSinglePhone;
    if (g < 0) return null;
    let list = this.phoneLists[g];
    if (list === undefined) {
      list = Object.freeze([this.labels[g]!]) as string[];
      this.phoneLists[g] = list;
    }
    return list;
  }

  /** Indexes `values`; returns the identifier of the last one, or -1 when it was skipped (or none). */
  private addAll(values: readonly string[] | undefined, kind: number, ad: number, names: readonly string[] | null = null): number {
    if (!values) return -1;
    let g = -1;
    for (let j = 0; j < values.length; j++) {
      const v = values[j]!;
      g = -1;
      if (v === '' || (kind === KIND_PHONE && isPlaceholderPhone(v))) continue;
      const h = fnv1a(v, 0x811c9dc5 ^ kind);
      for (let s = this.table.first(h); s >= 0; s = this.table.next(s, h)) {
        const x = this.table.value(s);
        if (this.kinds.data[x] === kind && this.labels[x] === v) {
          g = x;
          break;
        }
      }
      if (g < 0) {
        g = this.labels.length;
        this.table.insert(h, g);
        this.labels.push(v);
        this.kinds.push(kind);
        this.nameDerived.push(0);
        this.lastAd.push(-1);
        this.checkedNames.push(undefined);
      }
      if (names !== null && this.nameDerived.data[g] === 0) this.checkNameDerived(g, v, names);
      if (this.lastAd.data[g] === ad) continue; // the same identifier twice in one ad
      this.lastAd.data[g] = ad;
      this.pairGroup.push(g);
      this.pairAd.push(ad);
    }
    return g;
  }

  /**
   * Flags identifier `g` when it is name-derived in this ad. Reposts ask again and again with the same
   * names; isNameDerived runs string splits and Unicode regular expressions, so the last names found
   * not to explain the identifier are remembered (on the 100,000-ad corpus 29,000 calls were 5,600
   * distinct questions; with this, 8,300 calls are made).
   */
  private checkNameDerived(g: number, v: string, names: readonly string[]): void {
    const checked = this.checkedNames[g];
    if (checked !== undefined && sameStrings(checked, names)) return;
    if (isNameDerived(v, names)) {
      this.nameDerived.data[g] = 1;
      this.checkedNames[g] = undefined;
    } else this.checkedNames[g] = names;
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
