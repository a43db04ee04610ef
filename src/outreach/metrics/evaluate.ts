import { readLineBatches } from '../io/jsonl-lines.ts';
import type { AdResult, TruthRecord } from '../types.ts';
import { pairwiseScores, type PairwiseScores } from './pairwise.ts';
import { rocAuc, topClusterPrecision } from './ranking.ts';

/** The part of an output line that evaluation reads. */
export type ScoredAd = Pick<AdResult, 'id' | 'source' | 'clusterId' | 'adScore' | 'clusterScore' | 'phones'>;

export type Evaluation = {
  ads: number;
  /** Truth ads without an output line, and output lines without a truth line. */
  missingInOutput: number;
  unknownInOutput: number;
  clusters: number;
  trueOperators: number;
  largestCluster: number;
  pairwise: PairwiseScores;
  /** Share of the 30 highest-scoring clusters (>= 2 ads) whose ads are mostly from exploitative networks. */
  top30: { precision: number | null; considered: number; positives: number };
  /** ROC AUC of adScore for ads of exploitative networks. */
  auc: number | null;
  /** Share of the numbers written obfuscated (truth) that the output lists among the ad's phones. */
  obfuscatedPhoneRecall: number | null;
  obfuscatedPhones: number;
  obfuscatedPhonesFound: number;
};

const keyOf = (source: string, id: string) => `${source}\u0000${id}`;

/**
 * Scores an analysis against a truth file (docs/ad-format.md). Ads are matched on (source, id); the
 * metrics are computed over the matched ads. Memory is a few typed arrays per ad.
 */
export class Evaluator {
  private readonly index = new Map<string, number>();
  private readonly operatorIds = new Map<string, number>();
  private operatorOf: number[] = [];
  private exploited: boolean[] = [];
  private obfuscated = new Map<number, string[]>();
  private predicted: number[] = [];
  private matchedTruth: number[] = [];
  private scores: number[] = [];
  private seen: Uint8Array | null = null;
  private readonly clusterIds = new Map<string, number>();
  private clusterStats: { clusterId: string; size: number; score: number; exploited: number }[] = [];
  private unknown = 0;
  private found = 0;

  addTruth(t: TruthRecord): void {
    const k = keyOf(t.source, t.id);
    if (this.index.has(k)) throw new Error(`duplicate truth line for ${t.source}/${t.id}`);
    let op = this.operatorIds.get(t.operatorId);
    if (op === undefined) this.operatorIds.set(t.operatorId, (op = this.operatorIds.size));
    const i = this.operatorOf.length;
    this.index.set(k, i);
    this.operatorOf.push(op);
    this.exploited.push(t.exploited);
    if (t.obfuscatedPhones.length) this.obfuscated.set(i, t.obfuscatedPhones);
  }

  addResult(r: ScoredAd): void {
    this.seen ??= new Uint8Array(this.operatorOf.length);
    const i = this.index.get(keyOf(r.source, r.id));
    if (i === undefined || this.seen[i]) {
      this.unknown++;
      return;
    }
    this.seen[i] = 1;
    let c = this.clusterIds.get(r.clusterId);
    if (c === undefined) {
      this.clusterIds.set(r.clusterId, (c = this.clusterStats.length));
      this.clusterStats.push({ clusterId: r.clusterId, size: 0, score: r.clusterScore, exploited: 0 });
    }
    const stats = this.clusterStats[c]!;
    stats.size++;
    if (this.exploited[i]) stats.exploited++;
    this.predicted.push(c);
    this.scores.push(r.adScore);
    this.matchedTruth.push(i);
    const wanted = this.obfuscated.get(i);
    if (wanted) for (const p of wanted) if (r.phones.includes(p)) this.found++;
  }

  result(): Evaluation {
    const matched = this.matchedTruth;
    const truthLabels = matched.map((i) => this.operatorOf[i]!);
    const positive = matched.map((i) => this.exploited[i]!);
    let wanted = 0;
    for (const [i, phones] of this.obfuscated) if (this.seen?.[i]) wanted += phones.length;
    const trueOps = new Set(truthLabels).size;
    return {
      ads: matched.length,
      missingInOutput: this.operatorOf.length - matched.length,
      unknownInOutput: this.unknown,
      clusters: this.clusterStats.length,
      trueOperators: trueOps,
      largestCluster: this.clusterStats.reduce((m, c) => Math.max(m, c.size), 0),
      pairwise: pairwiseScores(this.predicted, truthLabels),
      top30: topClusterPrecision(
        this.clusterStats.map((c) => ({ clusterId: c.clusterId, size: c.size, score: c.score, positive: c.exploited * 2 > c.size })),
        30,
      ),
      auc: rocAuc(this.scores, positive),
      obfuscatedPhoneRecall: wanted ? this.found / wanted : null,
      obfuscatedPhones: wanted,
      obfuscatedPhonesFound: this.found,
    };
  }
}

/** Evaluates in-memory results against truth records. */
export function evaluate(results: Iterable<ScoredAd>, truth: Iterable<TruthRecord>): Evaluation {
  const e = new Evaluator();
  for (const t of truth) e.addTruth(t);
  for (const r of results) e.addResult(r);
  return e.result();
}

/** Evaluates an `outreach analyze` output file against a generator truth file, streaming both. */
export async function evaluateFiles(outPath: string, truthPath: string): Promise<Evaluation> {
  const e = new Evaluator();
  for await (const b of readLineBatches(truthPath)) for (const l of b.lines) if (l.trim()) e.addTruth(JSON.parse(l) as TruthRecord);
  for await (const b of readLineBatches(outPath)) for (const l of b.lines) if (l.trim()) e.addResult(JSON.parse(l) as ScoredAd);
  return e.result();
}
