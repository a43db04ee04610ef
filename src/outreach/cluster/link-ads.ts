/**
 * The merge: one union-find over ads, fed in order of evidence strength.
 * 1. strong groups: rare, coherent phones/e-mails/handles/photos link unconditionally;
 * 2. weak groups: frequent but coherent ones, under the merge guard: never fuse two clusters that are
 *    both larger than weakMaxSide, never grow a cluster past weakMaxMerged (giant-component guard);
 * 3. templates: identical informative texts, then near-duplicates by decreasing similarity, each link
 *    refused when the merged cluster would hold more than maxTextIdentities otherwise unconnected
 *    advertisers (ads with phones/e-mails/handles/photos that share none): a text copied by many
 *    advertisers, or a chain of chance similarities, is not one operator's template;
 * 4. reposts of short or stock-heavy text: identical text, same persona, same city.
 * Generic groups (groups.ts) never link.
 */
import type { Arena } from './arena.ts';
import type { MergeConfig } from './config.ts';
import { DECISION_STRONG, DECISION_WEAK, type EvidenceGroups, KIND_TEXT } from './groups.ts';
import { radixSortPairs } from './radix-sort.ts';
import { TEXT_NORMAL, TEXT_STRICT, type TextLinks } from './text-groups.ts';
import { UnionFind } from './union-find.ts';

export type LinkStats = {
  strongUnions: number;
  weakUnions: number;
  weakRefused: number;
  textUnions: number;
  textRefused: number;
  repostUnions: number;
};

export type LinkInputs = {
  order: Int32Array;
  groups: EvidenceGroups;
  textOf: Int32Array;
  text: TextLinks;
  personaOf: Int32Array;
  cityOf: Int32Array;
  merge: MergeConfig;
  maxTextIdentities: number;
  /** Estimated Jaccard needed for a template link between clusters with contacts of their own that share no city. */
  crossCityJaccard: number;
  /** MinHash bins (edgeBins count agreeing bins of k). */
  k: number;
  arena: Arena;
  /** Called before each union (diagnostics): the two ads linked, the step, and for templates the bins agreed. */
  trace?: (a: number, b: number, step: 'strong' | 'weak' | 'text' | 'repost', bins: number) => void;
};

export function linkAds(n: number, inp: LinkInputs): { uf: UnionFind; stats: LinkStats } {
  const { order, groups, textOf, text, personaOf, cityOf, merge, arena } = inp;
  const mark = arena.mark();
  const uf = new UnionFind(n);
  const stats: LinkStats = { strongUnions: 0, weakUnions: 0, weakRefused: 0, textUnions: 0, textRefused: 0, repostUnions: 0 };

  for (let g = 0; g < groups.count; g++) {
    if (groups.kind[g] === KIND_TEXT || groups.decision[g] !== DECISION_STRONG) continue;
    const s = groups.start[g]!;
    const head = groups.ads[s]!;
    for (let i = s + 1; i < groups.start[g + 1]!; i++) {
      inp.trace?.(head, groups.ads[i]!, 'strong', groups.kind[g]!);
      if (uf.union(head, groups.ads[i]!) >= 0) stats.strongUnions++;
    }
  }
  for (let g = 0; g < groups.count; g++) {
    if (groups.kind[g] === KIND_TEXT || groups.decision[g] !== DECISION_WEAK) continue;
    const s = groups.start[g]!;
    const head = groups.ads[s]!;
    for (let i = s + 1; i < groups.start[g + 1]!; i++) {
      const ra = uf.find(head);
      const rb = uf.find(groups.ads[i]!);
      if (ra === rb) continue;
      const sa = uf.size[ra]!;
      const sb = uf.size[rb]!;
      if (Math.min(sa, sb) > merge.weakMaxSide || sa + sb > merge.weakMaxMerged) {
        stats.weakRefused++;
        continue;
      }
      inp.trace?.(head, groups.ads[i]!, 'weak', groups.kind[g]!);
      uf.union(ra, rb);
      stats.weakUnions++;
    }
  }

  // Identities per cluster: 1 for a cluster with any phone/e-mail/handle/photo, else 0; additive
  // under the text merges below (clusters are disjoint).
  const idents = arena.i32(n);
  for (let ad = 0; ad < n; ad++) {
    for (let j = groups.adStart[ad]!; j < groups.adStart[ad + 1]!; j++) {
      if (groups.kind[groups.adGroups[j]!] !== KIND_TEXT) {
        idents[uf.find(ad)] = 1;
        break;
      }
    }
  }
  const max = inp.maxTextIdentities;
  // Cities per cluster (by root), for the cross-city rule below; merged as clusters merge.
  const citiesOf: (number[] | undefined)[] = Array.from({ length: n });
  for (let ad = 0; ad < n; ad++) {
    const city = cityOf[ad]!;
    if (city < 0) continue;
    const r = uf.find(ad);
    const list = citiesOf[r];
    if (list === undefined) citiesOf[r] = [city];
    else if (!list.includes(city)) list.push(city);
  }
  const shareCity = (ra: number, rb: number): boolean => {
    const x = citiesOf[ra];
    const y = citiesOf[rb];
    if (x === undefined || y === undefined) return true; // unknown: no conflict
    for (let i = 0; i < x.length; i++) if (y.includes(x[i]!)) return true;
    return false;
  };
  const crossCityBins = Math.ceil(inp.crossCityJaccard * inp.k);
  const textUnion = (a: number, b: number, bins: number): void => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    const sum = idents[ra]! + idents[rb]!;
    if (sum > max) {
      stats.textRefused++;
      return;
    }
    // Two advertisers with contacts of their own, in different cities, whose texts are only similar
    // (stock phrases of the trade, the same generator of ad text): similarity alone is weak evidence
    // here, so it must be high (a template with slots filled in, not a text written alike).
    if (bins < crossCityBins && idents[ra]! > 0 && idents[rb]! > 0 && !shareCity(ra, rb)) {
      stats.textRefused++;
      return;
    }
    inp.trace?.(a, b, 'text', bins);
    const root = uf.union(ra, rb);
    idents[root] = sum;
    const other = root === ra ? rb : ra;
    const from = citiesOf[other];
    if (from !== undefined) {
      const into = citiesOf[root];
      if (into === undefined) citiesOf[root] = from;
      else for (const c of from) if (!into.includes(c)) into.push(c);
      citiesOf[other] = undefined;
    }
    stats.textUnions++;
  };
  // Identical informative text first, then near-duplicates from the most similar down.
  const U = text.textClass.length;
  const rep = arena.i32(U).fill(-1);
  for (let i = 0; i < n; i++) {
    const ad = order[i]!;
    const u = textOf[ad]!;
    if (text.textClass[u] !== TEXT_NORMAL) continue;
    if (rep[u] === -1) rep[u] = ad;
    else textUnion(rep[u]!, ad, 0xffff);
  }
  const m = text.edgeA.length;
  const keys = arena.u32(m);
  const idx = arena.i32(m);
  for (let e = 0; e < m; e++) {
    keys[e] = 0xffff - text.edgeBins[e]!;
    idx[e] = e;
  }
  radixSortPairs(keys, idx, m);
  for (let i = 0; i < m; i++) {
    const e = idx[i]!;
    textUnion(rep[text.edgeA[e]!]!, rep[text.edgeB[e]!]!, text.edgeBins[e]!);
  }

  // Short or stock-heavy text: only the identical text, same persona, same city (a repost).
  const reposts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const ad = order[i]!;
    const u = textOf[ad]!;
    const persona = personaOf[ad]!;
    if (text.textClass[u] !== TEXT_STRICT || persona < 0) continue;
    const key = `${u}|${persona}|${cityOf[ad]}`;
    const first = reposts.get(key);
    if (first === undefined) reposts.set(key, ad);
    else {
      inp.trace?.(first, ad, 'repost', 0);
      if (uf.union(first, ad) >= 0) stats.repostUnions++;
    }
  }
  arena.reset(mark);
  return { uf, stats };
}
