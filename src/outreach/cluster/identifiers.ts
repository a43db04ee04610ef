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
  private readonly lastAd: IntVec;
  private readonly table: HashTable;

  /** `expectedAds`: capacity hint (about 1.5 identifiers per ad are reserved). */
  constructor(expectedAds: number) {
    const pairs = Math.ceil(expectedAds * 1.5);
    this.kinds = new IntVec(expectedAds);
    this.nameDerived = new IntVec(expectedAds);
    this.lastAd = new IntVec(expectedAds);
    this.pairGroup = new IntVec(pairs);
    this.pairAd = new IntVec(pairs);
    this.table = new HashTable(expectedAds);
  }

  add(a: AdFeatures, ad: number): void {
    this.addAll(a.phones.filter((p) => !isPlaceholderPhone(p)), KIND_PHONE, ad);
    this.addAll(a.emails, KIND_EMAIL, ad, a.names);
    this.addAll(a.handles, KIND_HANDLE, ad, a.names);
  }

  private addAll(values: readonly string[] | undefined, kind: number, ad: number, names: readonly string[] | null = null): void {
    if (!values) return;
    for (let j = 0; j < values.length; j++) {
      const v = values[j]!;
      if (v === '') continue;
      const h = fnv1a(v, 0x811c9dc5 ^ kind);
      let g = -1;
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
      }
      if (names !== null && this.nameDerived.data[g] === 0 && isNameDerived(v, names)) this.nameDerived.data[g] = 1;
      if (this.lastAd.data[g] === ad) continue; // the same identifier twice in one ad
      this.lastAd.data[g] = ad;
      this.pairGroup.push(g);
      this.pairAd.push(ad);
    }
  }
}
