/**
 * Clusters ads that are likely the same operator, and scores each cluster.
 *
 * Evidence, each deciding for itself when it may link:
 * - near-duplicate template text (text-index.ts, text-groups.ts: MinHash/LSH, stock phrases discounted);
 * - shared phones, e-mails, handles (identifiers.ts) and near-identical photos (images.ts), kept only
 *   when coherent (groups.ts: generic numbers and stock photos never link);
 * merged with union-find (link-ads.ts): rare coherent identifiers/photos unconditionally, frequent ones
 * only when they do not fuse two established clusters (the merge guard), templates unless copied by
 * many unconnected advertisers. The same ads in any order give the same clusters and cluster ids.
 */
import type { AdFeatures, ClusterSummary } from '../types.ts';
import { Clusterer } from './clusterer.ts';
import type { ClusterConfig, ClusterConfigInput } from './config.ts';
import type { EvidenceGroups } from './groups.ts';
import type { ImageStats } from './images.ts';
import type { LinkStats } from './link-ads.ts';
import type { SharedReason } from './score-clusters.ts';
import type { TextStats } from './text-groups.ts';

export type ClusterStats = {
  ads: number;
  clusters: number;
  singletons: number;
  largestCluster: number;
  /** Identifiers, photos and templates shared by many unrelated ads, not used to link. */
  genericGroups: number;
  text: TextStats;
  images: ImageStats;
  links: LinkStats;
  /**
   * Milliseconds per phase of `finish`. The per-ad part (`add`) is not timed here: two clock reads per
   * ad cost about 15 ms per 100,000 ads; the pipeline's analyze phase includes it.
   */
  timings: Record<string, number>;
};

/** What scoreAds needs beyond the summaries (not part of the output format). */
export type ClusterDetail = {
  config: ClusterConfig;
  groups: EvidenceGroups;
  clusterLogit: Float64Array;
  clusterAdIndicatorMean: Float64Array;
  clusterAgency: Uint8Array;
  /** Per cluster: the shared groups behind its shared-* reasons (null when none). */
  clusterShared: (SharedReason[] | null)[];
};

export type ClusterOutput = {
  /** Cluster number (index into `clusters`) of each ad, by input index. */
  clusterOf: Int32Array;
  clusters: ClusterSummary[];
  clusterIdOf(index: number): string;
  stats: ClusterStats;
  detail: ClusterDetail;
};

export function clusterAds(ads: readonly AdFeatures[], config?: ClusterConfigInput): ClusterOutput {
  const c = new Clusterer(config, { expectedAds: ads.length });
  for (let i = 0; i < ads.length; i++) c.add(ads[i]!);
  return c.finish(ads);
}

export { Clusterer };
