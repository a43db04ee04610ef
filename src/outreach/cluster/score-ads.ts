/**
 * Per-ad results: the ad's score is its cluster's logit moved by how much more (or less) per-ad evidence
 * this ad carries than its cluster's average, so ads rank first by cluster and then by their own
 * indicators. The ad's indicator list has its own hits plus the structural evidence that touches it:
 * the shared phone/contact/photo/template of its cluster's reasons when the ad carries it, the
 * cluster's circuit, agency pattern, rotation and volume, and generic identifiers it carries (weight 0:
 * shown, not used).
 */
import type { AdResult, RetainedAd } from '../types.ts';
import type { ClusterOutput } from './cluster-ads.ts';
import { DECISION_GENERIC } from './groups.ts';
import { genericEvidence, logistic, round } from './score-clusters.ts';

type Hit = { code: string; weight: number; evidence: string };

const CLUSTER_LEVEL = new Set<string>(['city-circuit', 'agency-pattern', 'phone-rotation', 'high-posting-volume']);

/**
 * `release`: empty each slot of `ads` once its result is built (the caller no longer needs the features:
 * at a million ads, features and results together are most of the peak memory).
 */
export function scoreAds(ads: readonly RetainedAd[], out: ClusterOutput, opts: { release?: boolean } = {}): AdResult[] {
  const scorer = new AdScorer(out);
  const results: AdResult[] = [];
  for (let i = 0; i < ads.length; i++) {
    results.push(scorer.score(ads[i]!, i));
    if (opts.release === true) (ads as (RetainedAd | undefined)[])[i] = undefined;
  }
  return results;
}

/**
 * Scores one ad at a time (in any order), so that a caller can write each result as it is made instead
 * of holding a million of them (run-analysis.ts). Hits shared by many ads (generic identifiers, a
 * cluster's reasons) are made once and reused.
 */
export class AdScorer {
  private readonly genericHit = new Map<number, Hit>();
  private readonly clusterHits: (Hit[] | undefined)[];
  private readonly sharedByGroup: (Map<number, Hit> | undefined)[];

  constructor(private readonly out: ClusterOutput) {
    this.clusterHits = Array.from({ length: out.clusters.length });
    this.sharedByGroup = Array.from({ length: out.clusters.length });
  }

  /** The result of the ad with input index `i`. */
  score(a: RetainedAd, i: number): AdResult {
    const out = this.out;
    const { groups, config, clusterLogit, clusterAdIndicatorMean, clusterShared } = out.detail;
    const factor = config.score.adIndicatorFactor;
    const c = out.clusterOf[i]!;
    const indicators: Hit[] = [];
    let own = 0;
    const hits = a.indicators;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      // The ad's own hit, not a copy (lists of hits are shared between reposts; output writes code,
      // weight and evidence only): a million copies were a tenth of the peak memory.
      indicators.push(hit);
      let repeat = false;
      for (let x = 0; x < h; x++) if (hits[x]!.code === hit.code) repeat = true;
      if (!repeat) own += hit.weight * factor;
    }
    let shared = this.sharedByGroup[c];
    if (!shared && clusterShared[c]) {
      shared = new Map(clusterShared[c]!.map((s) => [s.group, s.reason]));
      this.sharedByGroup[c] = shared;
    }
    for (let j = groups.adStart[i]!; j < groups.adStart[i + 1]!; j++) {
      const g = groups.adGroups[j]!;
      if (groups.decision[g] === DECISION_GENERIC) {
        let hit = this.genericHit.get(g);
        if (!hit) {
          hit = { code: 'generic-identifier', weight: 0, evidence: genericEvidence(groups, g) };
          this.genericHit.set(g, hit);
        }
        indicators.push(hit);
      } else if (shared) {
        const reason = shared.get(g);
        if (reason) indicators.push(reason);
      }
    }
    let ch = this.clusterHits[c];
    if (!ch) {
      ch = out.clusters[c]!.reasons.filter((r) => CLUSTER_LEVEL.has(r.code));
      this.clusterHits[c] = ch;
    }
    for (let x = 0; x < ch.length; x++) indicators.push(ch[x]!);
    const logit = clusterLogit[c]! + config.score.adOwnWeight * (own - clusterAdIndicatorMean[c]!);
    return {
      id: a.id,
      source: a.source,
      clusterId: out.clusters[c]!.clusterId,
      adScore: round(logistic(logit)),
      clusterScore: out.clusters[c]!.score,
      indicators,
      phones: a.phones,
      language: a.language,
    };
  }
}
