/**
 * ROC AUC of `scores` for the items marked positive: the probability that a random positive outranks a
 * random negative, ties counting one half (Mann-Whitney U with average ranks). Null when either class is
 * empty.
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
  const n = scores.length;
  if (positive.length !== n) throw new Error(`${n} scores, ${positive.length} labels`);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a]! - scores[b]!);
  let nPos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!]) {
        nPos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export type RankedCluster = { clusterId: string; size: number; score: number; positive: boolean };

/**
 * Precision at k of a cluster ranking: among the k highest-scoring clusters with at least `minSize` ads,
 * the share that are positive (ties broken by size, then id, so the result is deterministic). Null when
 * there is no such cluster; when there are fewer than k, the share among those there are.
 */
export function topClusterPrecision(clusters: RankedCluster[], k = 30, minSize = 2): { precision: number | null; considered: number; positives: number } {
  const ranked = clusters
    .filter((c) => c.size >= minSize)
    .sort((a, b) => b.score - a.score || b.size - a.size || (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0))
    .slice(0, k);
  const positives = ranked.filter((c) => c.positive).length;
  return { precision: ranked.length ? positives / ranked.length : null, considered: ranked.length, positives };
}
