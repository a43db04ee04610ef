/** Pair-counting scores of a clustering against the true groups. */
export type PairwiseScores = {
  /** Pairs of ads put together by both (true positives). */
  pairsTogether: number;
  /** Pairs put together by the clustering. */
  predictedPairs: number;
  /** Pairs that truly belong together. */
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Adjusted Rand index (Hubert and Arabie 1985): 1 = identical, about 0 = chance. */
  ari: number;
};

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise precision/recall/F1 and ARI from the contingency table, in O(n): the pairs that are together
 * in both partitions are sum C(n_ij, 2) over the cells, never enumerated one by one. `predicted` and
 * `truth` hold one label per item (any values; equal labels = same group). With no predicted pairs the
 * precision is 1 (nothing wrongly joined); with no true pairs the recall is 1.
 */
export function pairwiseScores<P, T>(predicted: ArrayLike<P>, truth: ArrayLike<T>): PairwiseScores {
  const n = predicted.length;
  if (truth.length !== n) throw new Error(`predicted has ${n} labels, truth ${truth.length}`);
  const p = denseLabels(predicted);
  const t = denseLabels(truth);
  const pSizes = new Float64Array(p.count);
  const tSizes = new Float64Array(t.count);
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = p.labels[i]!;
    const b = t.labels[i]!;
    pSizes[a]!++;
    tSizes[b]!++;
    const key = a * t.count + b;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let together = 0;
  for (const c of cells.values()) together += pairs(c);
  let predictedPairs = 0;
  for (const s of pSizes) predictedPairs += pairs(s);
  let truePairs = 0;
  for (const s of tSizes) truePairs += pairs(s);
  const precision = predictedPairs === 0 ? 1 : together / predictedPairs;
  const recall = truePairs === 0 ? 1 : together / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairsTogether: together, predictedPairs, truePairs, precision, recall, f1, ari: adjustedRand(together, predictedPairs, truePairs, pairs(n)) };
}

function adjustedRand(index: number, a: number, b: number, all: number): number {
  if (all === 0) return 1;
  const expected = (a * b) / all;
  const max = (a + b) / 2;
  // Both partitions all-singletons or one group: the index is undefined; identical partitions score 1.
  if (max === expected) return index === max ? 1 : 0;
  return (index - expected) / (max - expected);
}

/** Maps arbitrary labels to 0..count-1. */
export function denseLabels<L>(labels: ArrayLike<L>): { labels: Int32Array; count: number } {
  const ids = new Map<L, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    let id = ids.get(l);
    if (id === undefined) {
      id = ids.size;
      ids.set(l, id);
    }
    out[i] = id;
  }
  return { labels: out, count: ids.size };
}
