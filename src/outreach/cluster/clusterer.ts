/**
 * Incremental clustering: `add` each ad as its features arrive (distinct texts are sketched, identifiers,
 * photos, cities and personas indexed: the per-ad half of the work, which can overlap per-ad analysis),
 * then `finish` links, clusters and scores. The result does not depend on the order of `add` calls:
 * `finish` walks ads in a canonical order (hash of "source:id").
 */
import type { AdFeatures, ClusterSummary, RetainedAd } from '../types.ts';
import { AdTable, canonicalOrder, timeOrder } from './ad-attributes.ts';
import { Arena } from './arena.ts';
import type { ClusterOutput } from './cluster-ads.ts';
import { type ClusterConfig, type ClusterConfigInput, resolveClusterConfig } from './config.ts';
import { clusterFeatures, FeatureScratch } from './features.ts';
import { assembleGroups, DECISION_GENERIC, evaluateGroups, KIND_IMAGE, KIND_TEXT } from './groups.ts';
import { adKey, hex48 } from './hash.ts';
import { IdentifierIndex } from './identifiers.ts';
import { ImageRefs } from './images.ts';
import { IntVec, toCsr } from './int-vec.ts';
import { type LinkInputs, linkAds } from './link-ads.ts';
import { scoreCluster, type SharedReason } from './score-clusters.ts';
import { linkTexts, TEXT_NORMAL } from './text-groups.ts';
import { TextIndex } from './text-index.ts';

export type ClustererOptions = {
  /**
   * About how many ads will be added: arrays are reserved once instead of growing (growing hundreds of
   * megabytes of typed arrays makes V8 collect the whole heap again and again).
   */
  expectedAds?: number;
  /** Diagnostics: called before each union of the merge (link-ads.ts). */
  trace?: LinkInputs['trace'];
};

export class Clusterer {
  readonly config: ClusterConfig;
  private readonly table: AdTable;
  private readonly texts: TextIndex;
  private readonly textOf: IntVec;
  private readonly identifiers: IdentifierIndex;
  private readonly images: ImageRefs;
  private readonly trace: LinkInputs['trace'];

  constructor(input?: ClusterConfigInput, options: ClustererOptions = {}) {
    this.config = resolveClusterConfig(input);
    const expected = Math.max(1024, Math.ceil(options.expectedAds ?? 16384));
    this.table = new AdTable(expected);
    this.texts = new TextIndex(this.config.text, Math.ceil(expected / 2));
    this.textOf = new IntVec(expected);
    this.identifiers = new IdentifierIndex(expected);
    this.images = new ImageRefs(expected * 3);
    this.trace = options.trace;
  }

  get count(): number {
    return this.table.count;
  }

  /** Adds the next ad (its position in the final `ads` array is the number of ads added before it). */
  add(a: AdFeatures): void {
    const ad = this.table.count;
    this.table.add(a);
    this.textOf.push(a.templateSketch ? this.texts.addSketch(a.templateSketch) : this.texts.add(a.templateText ?? ''));
    this.identifiers.add(a, ad);
    this.images.add(a, ad);
  }

  /**
   * Adds the next ad as an exact repost of the earlier ad `of`: an ad whose analysed fields equal those
   * of ad `of` (repost-index.ts), so that its features would be those of `of` but for `own`. Indexes it
   * as `add` would, from what `of` left in the indexes, without its features.
   */
  addRepost(own: Pick<AdFeatures, 'id' | 'source' | 'postedAt' | 'imageHashes'>, of: number): void {
    const ad = this.table.count;
    if (!(of >= 0 && of < ad)) throw new Error(`Clusterer.addRepost: ad ${of} is not an earlier ad`);
    this.table.addRepost(own, of);
    this.textOf.push(this.textOf.data[of]!);
    this.identifiers.addRepost(of, ad);
    this.images.add(own, ad);
  }

  /**
   * The last added ad's phones as a shared frozen list, when the identifier index holds it (one phone,
   * not a placeholder); else null. Lets the pipeline keep one list per number without looking the
   * number up again (run-analysis.ts).
   */
  lastPhones(): string[] | null {
    return this.identifiers.lastPhones();
  }

  /** `ads` must be the added ads (or what was kept of them), in the order they were added. */
  finish(ads: readonly RetainedAd[]): ClusterOutput {
    const n = this.table.count;
    if (ads.length !== n) throw new Error(`Clusterer.finish: ${ads.length} ads given, ${n} added`);
    const config = this.config;
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - mark);
      mark = now;
    };
    const table = this.table;
    const cityOf = table.cityOf.view();
    const personaOf = table.personaOf.view();
    const textOf = this.textOf.view();
    const U = this.texts.count;
    // One buffer for the temporaries of every phase (see arena.ts), sized for the largest phase.
    const refs = this.images.count;
    const pairs = this.identifiers.pairAd.length + refs + n;
    const arena = new Arena(4 * Math.max(9 * refs, 4 * pairs + 2 * n, (config.text.bands + 6) * U, 6 * n) + (1 << 20));
    const order = canonicalOrder(ads, table.keyHash.view(), arena);
    const firstPos = new Int32Array(U).fill(-1);
    for (let p = 0; p < n; p++) {
      const u = textOf[order[p]!]!;
      if (firstPos[u] === -1) firstPos[u] = p;
    }
    lap('order');

    const text = linkTexts(this.texts, firstPos, config.text, arena);
    // Text group of each ad, for coherence counts: the near-duplicate group for NORMAL texts, the
    // distinct text for STRICT ones (identical short text), the ad itself otherwise.
    const textGroupOf = new Int32Array(n);
    const textLocal = new Int32Array(U).fill(-1);
    const textPairGroup = new IntVec(1 << 12);
    const textPairAd = new IntVec(1 << 12);
    let textGroups = 0;
    for (let ad = 0; ad < n; ad++) {
      const u = textOf[ad]!;
      const cls = text.textClass[u]!;
      if (cls === TEXT_NORMAL) {
        const root = text.uf.find(u);
        textGroupOf[ad] = root;
        if (textLocal[root] === -1) textLocal[root] = textGroups++;
        textPairGroup.push(textLocal[root]!);
        textPairAd.push(ad);
      } else textGroupOf[ad] = cls === 0 ? U + ad : u;
    }
    lap('text');

    const images = this.images.finish(config.images.maxDistance, config.images.randomTables, arena);
    lap('images');
    const ids = this.identifiers;
    const groups = assembleGroups(n, order, [
      { count: ids.labels.length, kind: ids.kinds.view(), labelOf: (g) => ids.labels[g]!, pairGroup: ids.pairGroup.view(), pairAd: ids.pairAd.view(), nameDerived: ids.nameDerived.view() },
      { count: images.distinctHashes, kind: KIND_IMAGE, labelOf: images.hexOf, pairGroup: images.pairGroup, pairAd: images.pairAd },
      { count: textGroups, kind: KIND_TEXT, labelOf: () => '', pairGroup: textPairGroup.view(), pairAd: textPairAd.view() },
    ], arena);
    evaluateGroups(
      groups,
      { textGroupOf, numTextGroups: U + n, cityOf, numCities: table.cityNames.length, personaOf, numPersonas: table.personaCount },
      config.identifiers,
      arena,
    );
    lap('groups');

    const { uf, stats: linkStats } = linkAds(n, {
      order,
      groups,
      textOf,
      text,
      personaOf,
      cityOf,
      merge: config.merge,
      maxTextIdentities: config.text.maxTextIdentities,
      crossCityJaccard: config.text.crossCityJaccard,
      k: config.text.k,
      arena,
      trace: this.trace,
    });
    // Clusters numbered in canonical order of their first member; the id hashes that member's key.
    const clusterOf = new Int32Array(n);
    const clusterOfRoot = new Int32Array(n).fill(-1);
    const clusterIds: string[] = [];
    for (let i = 0; i < n; i++) {
      const ad = order[i]!;
      const root = uf.find(ad);
      let c = clusterOfRoot[root]!;
      if (c === -1) {
        c = clusterIds.length;
        clusterOfRoot[root] = c;
        clusterIds.push(`c${hex48(adKey(ads[ad]!.source, ads[ad]!.id))}`);
      }
      clusterOf[ad] = c;
    }
    lap('link');

    const C = clusterIds.length;
    const byTime = timeOrder(table.postedAt.data, order, arena);
    const memberCluster = arena.i32(n);
    for (let i = 0; i < n; i++) memberCluster[i] = clusterOf[byTime[i]!]!;
    const members = toCsr(C, memberCluster, byTime, arena);
    const featureInputs = {
      ads,
      groups,
      cityOf,
      numCities: table.cityNames.length,
      cityNames: table.cityNames,
      personaOf,
      numPersonas: table.personaCount,
      postedAt: table.postedAt.data,
    };
    const scratch = new FeatureScratch(featureInputs);
    const scoreInputs = { groups, cityNames: table.cityNames, config };
    const clusters: ClusterSummary[] = [];
    const clusterLogit = new Float64Array(C);
    const clusterAdIndicatorMean = new Float64Array(C);
    const clusterAgency = new Uint8Array(C);
    const clusterShared: (SharedReason[] | null)[] = [];
    let largest = 0;
    let singletons = 0;
    for (let c = 0; c < C; c++) {
      const m = members.values.subarray(members.start[c]!, members.start[c + 1]!);
      const f = clusterFeatures(c, m, featureInputs, config.features, scratch);
      const s = scoreCluster(f, scoreInputs);
      clusterLogit[c] = s.logit;
      clusterAdIndicatorMean[c] = s.adIndicatorMean;
      clusterAgency[c] = s.agency ? 1 : 0;
      clusterShared.push(s.shared);
      if (f.size > largest) largest = f.size;
      if (f.size === 1) singletons++;
      clusters.push({
        clusterId: clusterIds[c]!,
        size: f.size,
        score: s.score,
        reasons: s.reasons,
        personas: f.personas,
        cities: f.cities.map((x) => table.cityNames[x]!),
        moves: f.moves,
        phones: f.phones,
        firstPostedAt: f.firstPostedAt,
        lastPostedAt: f.lastPostedAt,
      });
    }
    lap('features');
    timings.arenaMb = Math.round(arena.capacity / 1048576);
    timings.arenaOverflowMb = Math.round(arena.overflowBytes / 1048576);
    let genericGroups = 0;
    for (let g = 0; g < groups.count; g++) if (groups.decision[g] === DECISION_GENERIC) genericGroups++;
    return {
      clusterOf,
      clusters,
      clusterIdOf: (index: number) => clusterIds[clusterOf[index]!]!,
      stats: {
        ads: n,
        clusters: C,
        singletons,
        largestCluster: largest,
        genericGroups,
        text: text.stats,
        images: images.stats,
        links: linkStats,
        timings,
      },
      detail: { config, groups, clusterLogit, clusterAdIndicatorMean, clusterAgency, clusterShared },
    };
  }
}
