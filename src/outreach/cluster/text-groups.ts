/**
 * Near-duplicate template texts: classes, LSH candidates, verified links -> text groups.
 *
 * Classes of distinct texts:
 * - NORMAL: long enough and not mostly stock phrases: linked to near-duplicates (Jaccard >= linkJaccard);
 * - STRICT: short or largely stock: linked only to the identical text of the same persona in the same
 *   city (a repost), never across personas by text alone;
 * - NONE: very short or nearly all stock: no text evidence at all.
 * LSH items are offered in canonical order (of each text's first ad), so the same ads in any input
 * order give the same candidates and links.
 */
import type { TextConfig } from './config.ts';
import { type Arena, noArena } from './arena.ts';
import { forEachLshCandidate, type LshStats } from './lsh.ts';
import { equalBinsAtLeast } from './minhash.ts';
import { argsortU32 } from './radix-sort.ts';
import { IntVec } from './int-vec.ts';
import type { TextIndex } from './text-index.ts';
import { UnionFind } from './union-find.ts';

export const TEXT_NONE = 0;
export const TEXT_STRICT = 1;
export const TEXT_NORMAL = 2;

export type TextStats = {
  distinctTexts: number;
  normal: number;
  strict: number;
  none: number;
  commonDf: number;
  textLinks: number;
  largestTextGroup: number;
  lsh: LshStats;
};

export type TextLinks = {
  /** Distinct text -> TEXT_NONE | TEXT_STRICT | TEXT_NORMAL. */
  textClass: Uint8Array;
  /** Near-duplicate groups over distinct texts (meaningful for NORMAL texts). */
  uf: UnionFind;
  /**
   * The verified links that joined two groups (a spanning forest, in canonical discovery order):
   * texts edgeA[i] and edgeB[i] agree on edgeBins[i] of k bins.
   */
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeBins: Int32Array;
  stats: TextStats;
};

/** `firstPos[u]`: canonical position of the first ad using distinct text u. */
export function linkTexts(index: TextIndex, firstPos: Int32Array, cfg: TextConfig, arena: Arena = noArena): TextLinks {
  const mark = arena.mark();
  const U = index.count;
  const k = index.k;
  const sigs = index.sigs;
  const commonDf = Math.max(cfg.commonDfMin, Math.ceil(cfg.commonDfFraction * U));
  const textClass = new Uint8Array(U);
  let normalCount = 0;
  let strictCount = 0;
  for (let u = 0; u < U; u++) {
    const total = index.totals.data[u]!;
    if (total < cfg.minShingles) continue;
    const stock = index.stockShare(u, commonDf);
    if (stock >= cfg.stockShareNone) continue;
    if (total < cfg.shortShingles || stock >= cfg.stockShareStrict) {
      textClass[u] = TEXT_STRICT;
      strictCount++;
    } else {
      textClass[u] = TEXT_NORMAL;
      normalCount++;
    }
  }

  const byFirst = argsortU32(new Uint32Array(firstPos.buffer, firstPos.byteOffset, U), U, arena);
  const items = arena.i32(normalCount);
  for (let i = 0, j = 0; i < U; i++) {
    const u = byFirst[i]!;
    if (textClass[u] === TEXT_NORMAL) items[j++] = u;
  }
  const uf = new UnionFind(U);
  const edgeA = new IntVec(1 << 12);
  const edgeB = new IntVec(1 << 12);
  const edgeBins = new IntVec(1 << 12);
  // The fewest equal bins whose estimate (equal / k) reaches linkJaccard (k + 1 when none does).
  let atLeast = 0;
  while (atLeast <= k && !(atLeast / k >= cfg.linkJaccard)) atLeast++;
  const lsh = forEachLshCandidate(sigs, k, items, cfg, (a, b) => {
    if (uf.find(a) === uf.find(b)) return;
    const equal = equalBinsAtLeast(sigs, k, a, b, atLeast);
    if (equal >= 0) {
      uf.union(a, b);
      edgeA.push(a);
      edgeB.push(b);
      edgeBins.push(equal);
    }
  }, arena);
  arena.reset(mark);
  const textLinks = edgeA.length;
  let largestTextGroup = 0;
  for (let u = 0; u < U; u++) if (uf.parent[u] === u && uf.size[u]! > largestTextGroup) largestTextGroup = uf.size[u]!;
  return {
    textClass,
    uf,
    edgeA: edgeA.view(),
    edgeB: edgeB.view(),
    edgeBins: edgeBins.view(),
    stats: { distinctTexts: U, normal: normalCount, strict: strictCount, none: U - normalCount - strictCount, commonDf, textLinks, largestTextGroup, lsh },
  };
}
