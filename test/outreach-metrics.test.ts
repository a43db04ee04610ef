import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type ScoredAd } from '../src/outreach/metrics/evaluate.ts';
import { pairwiseScores } from '../src/outreach/metrics/pairwise.ts';
import { rocAuc, topClusterPrecision } from '../src/outreach/metrics/ranking.ts';
import type { TruthRecord } from '../src/outreach/types.ts';

/** Pair counts the slow way, to check the contingency-table version. */
function bruteForce(p: number[], t: number[]) {
  let both = 0;
  let pred = 0;
  let truth = 0;
  for (let i = 0; i < p.length; i++) {
    for (let j = i + 1; j < p.length; j++) {
      const sp = p[i] === p[j];
      const st = t[i] === t[j];
      if (sp) pred++;
      if (st) truth++;
      if (sp && st) both++;
    }
  }
  return { both, pred, truth };
}

function bruteAuc(scores: number[], pos: boolean[]): number | null {
  let wins = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!pos[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (pos[j]) continue;
      n++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return n ? wins / n : null;
}

describe('pairwiseScores', () => {
  it('matches a hand-computed example', () => {
    // truth {0,1,2} {3,4} {5}; predicted {0,1} {2,3,4} {5}
    const s = pairwiseScores([1, 1, 2, 2, 2, 3], ['A', 'A', 'A', 'B', 'B', 'C']);
    expect(s.pairsTogether).toBe(2);
    expect(s.predictedPairs).toBe(4);
    expect(s.truePairs).toBe(4);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
    // ARI = (2 - 16/15) / (4 - 16/15) = 7/22
    expect(s.ari).toBeCloseTo(7 / 22, 12);
  });

  it('scores a perfect clustering 1 whatever the labels', () => {
    const s = pairwiseScores([7, 7, 9, 9, 9, 4], ['x', 'x', 'y', 'y', 'y', 'z']);
    expect([s.precision, s.recall, s.f1, s.ari]).toEqual([1, 1, 1, 1]);
  });

  it('scores all-singletons: nothing wrongly joined, nothing found', () => {
    const s = pairwiseScores([1, 2, 3, 4], ['a', 'a', 'b', 'b']);
    expect([s.precision, s.recall, s.f1]).toEqual([1, 0, 0]);
    expect(s.ari).toBeCloseTo(0, 12);
  });

  it('scores one giant cluster: everything found, little of it right', () => {
    const s = pairwiseScores([1, 1, 1, 1], ['a', 'a', 'b', 'b']);
    expect(s.precision).toBeCloseTo(2 / 6, 12);
    expect(s.recall).toBe(1);
    expect(s.ari).toBeCloseTo(0, 12);
  });

  it('equals brute-force pair counting and is symmetric and label-blind (property)', () => {
    const labels = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { maxLength: 40 });
    fc.assert(
      fc.property(labels, (rows) => {
        const p = rows.map((r) => r[0]);
        const t = rows.map((r) => r[1]);
        const s = pairwiseScores(p, t);
        const b = bruteForce(p, t);
        expect([s.pairsTogether, s.predictedPairs, s.truePairs]).toEqual([b.both, b.pred, b.truth]);
        const swapped = pairwiseScores(t, p);
        expect(swapped.precision).toBeCloseTo(s.recall, 12);
        expect(swapped.ari).toBeCloseTo(s.ari, 12);
        const relabelled = pairwiseScores(p.map((x) => `c${x * 7}`), t);
        expect(relabelled).toEqual(s);
        expect(s.ari).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('rocAuc', () => {
  it('matches a hand-computed example', () => {
    // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it('counts ties as one half', () => {
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(rocAuc([0.2, 0.5, 0.5, 0.9], [false, true, false, true])).toBe((1 + 0.5 + 1 + 1) / 4);
  });

  it('is null when a class is empty', () => {
    expect(rocAuc([0.1, 0.2], [false, false])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });

  it('equals the brute-force pair comparison (property)', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { maxLength: 50 });
    fc.assert(
      fc.property(rows, (r) => {
        const scores = r.map((x) => x[0] / 3);
        const pos = r.map((x) => x[1]);
        const a = rocAuc(scores, pos);
        const b = bruteAuc(scores, pos);
        if (b === null) expect(a).toBeNull();
        else expect(a).toBeCloseTo(b, 12);
      }),
    );
  });
});

describe('topClusterPrecision', () => {
  it('ranks clusters of two or more ads by score and counts the positives among the top k', () => {
    const clusters = [
      { clusterId: 'a', size: 1, score: 0.99, positive: true }, // a single ad: not a cluster to rank
      { clusterId: 'b', size: 5, score: 0.9, positive: true },
      { clusterId: 'c', size: 3, score: 0.8, positive: false },
      { clusterId: 'd', size: 2, score: 0.8, positive: true }, // tie with c: the larger cluster first
      { clusterId: 'e', size: 4, score: 0.1, positive: true },
    ];
    expect(topClusterPrecision(clusters, 3)).toEqual({ precision: 2 / 3, considered: 3, positives: 2 });
    expect(topClusterPrecision(clusters, 30)).toEqual({ precision: 3 / 4, considered: 4, positives: 3 });
    expect(topClusterPrecision([], 30).precision).toBeNull();
  });
});

describe('evaluate', () => {
  const truth: TruthRecord[] = [
    { id: '1', source: 's', operatorId: 'net-1', kind: 'network', exploited: true, obfuscatedPhones: ['+31611111111'] },
    { id: '2', source: 's', operatorId: 'net-1', kind: 'network', exploited: true, obfuscatedPhones: ['+31611111111', '+40722222222'] },
    { id: '3', source: 's', operatorId: 'ind-1', kind: 'independent', exploited: false, obfuscatedPhones: [] },
    { id: '3', source: 't', operatorId: 'ind-2', kind: 'independent', exploited: false, obfuscatedPhones: ['+31633333333'] },
  ];
  const out = (id: string, source: string, clusterId: string, adScore: number, clusterScore: number, phones: string[]): ScoredAd => ({
    id, source, clusterId, adScore, clusterScore, phones,
  });

  it('matches ads on (source, id) and computes every metric', () => {
    const e = evaluate(
      [
        out('3', 't', 'c3', 0.2, 0.2, ['+31633333333']),
        out('1', 's', 'c1', 0.9, 0.8, ['+31611111111']),
        out('2', 's', 'c1', 0.7, 0.8, ['+31611111111']),
        out('3', 's', 'c2', 0.1, 0.1, []),
        out('9', 's', 'c9', 0.5, 0.5, []),
      ],
      truth,
    );
    expect(e.ads).toBe(4);
    expect(e.unknownInOutput).toBe(1);
    expect(e.missingInOutput).toBe(0);
    expect(e.pairwise.f1).toBe(1);
    expect(e.auc).toBe(1);
    expect(e.top30).toEqual({ precision: 1, considered: 1, positives: 1 });
    expect(e.obfuscatedPhones).toBe(4);
    expect(e.obfuscatedPhonesFound).toBe(3);
    expect(e.obfuscatedPhoneRecall).toBe(0.75);
    expect(e.largestCluster).toBe(2);
  });

  it('counts ads missing from the output and leaves their phones out of the recall', () => {
    const e = evaluate([out('1', 's', 'c1', 0.9, 0.9, [])], truth);
    expect(e.ads).toBe(1);
    expect(e.missingInOutput).toBe(3);
    expect(e.obfuscatedPhones).toBe(1);
    expect(e.obfuscatedPhoneRecall).toBe(0);
    expect(e.auc).toBeNull();
  });
});
