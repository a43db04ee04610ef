import fs from 'node:fs';
import os from 'node:os';
import { analyzeInPool, analyzeInThread, type PoolStats } from './analyze-input.ts';
import { clusterAds, type ClusterOutput } from './cluster/cluster-ads.ts';
import { defaultClusterConfig } from './cluster/config.ts';
import { scoreAds } from './cluster/score-ads.ts';
import { JsonlWriter } from './io/jsonl-writer.ts';
import type { MalformedLine } from './io/read-ads.ts';
import type { AdFeatures, AdResult, ClusterSummary } from './types.ts';

export type { PoolStats } from './analyze-input.ts';

export type AnalysisPhase = 'analyze' | 'cluster' | 'score' | 'write';
/** Progress of one phase; `analyze` (reading included) counts input bytes, the others ads. */
export type AnalysisProgress = { phase: AnalysisPhase; done: number; total: number; unit: 'bytes' | 'ads'; ads: number };

export type AnalysisOptions = {
  input: string;
  output: string;
  /**
   * Worker threads for per-ad analysis: 0 = all in this thread. This thread analyses batches too while
   * a core is left for it (workers < cores). Default: cores - 1 workers (at least 1) when the input is large.
   */
  workers?: number;
  /**
   * With the default worker count, inputs up to this size are analysed in this thread (default 32 MiB,
   * about 45,000 ads): a worker costs about a second of CPU to start (loading the analyser, its phone
   * metadata and language model, and compiling it again), which only pays on larger inputs.
   */
  parallelAboveBytes?: number;
  /** Bytes of input per batch (default 1 MiB in one thread, 2 MiB per message to a worker: a few thousand ads). */
  batchBytes?: number;
  /** Module (URL) exporting `analyzeAd`; the engine's by default. A seam for tests and experiments. */
  analyzer?: string;
  cluster?: (ads: AdFeatures[]) => ClusterOutput;
  score?: (ads: AdFeatures[], out: ClusterOutput) => AdResult[];
  onProgress?: (p: AnalysisProgress) => void;
  onMalformed?: (m: MalformedLine) => void;
};

export type AnalysisSummary = {
  input: string;
  output: string;
  ads: number;
  malformed: number;
  /** The first malformed lines (at most MAX_KEPT_MALFORMED; all of them went to `onMalformed`). */
  malformedLines: MalformedLine[];
  clusters: number;
  /** Clusters with at least two ads. */
  multiAdClusters: number;
  largestCluster: number;
  topClusters: ClusterSummary[];
  workers: number;
  /** With workers: time spent analysing and encoding in the workers (summed) and decoding in this thread. */
  pool: PoolStats | null;
  phasesMs: Record<AnalysisPhase, number>;
  /** Resident memory and JS heap in use (MiB) at the end of each phase. */
  memoryMB: Record<AnalysisPhase, { rss: number; heap: number }>;
  totalMs: number;
};

function memoryNow(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: Math.round(m.rss / 1048576), heap: Math.round(m.heapUsed / 1048576) };
}

export const MAX_KEPT_MALFORMED = 1000;
const DEFAULT_PARALLEL_ABOVE = 32 << 20;
const SERIAL_BATCH_BYTES = 1 << 20;
const PARALLEL_BATCH_BYTES = 2 << 20;
const DEFAULT_ANALYZER = new URL('./analyze/analyze-ad.ts', import.meta.url).href;

/**
 * `baken outreach analyze`: streams a JSON Lines file of ads (docs/ad-format.md), analyses each ad
 * (in a pool of worker threads when the input is large), clusters and scores them, and writes one
 * result line per valid ad, in input order. Malformed lines are reported and skipped. Throws only when
 * the input cannot be read or the output cannot be written.
 */
export async function runAnalysis(opts: AnalysisOptions): Promise<AnalysisSummary> {
  const started = performance.now();
  const size = (await fs.promises.stat(opts.input)).size;
  // Opened first, so that an unwritable output fails in a second rather than after the analysis.
  const out = await JsonlWriter.open(opts.output);
  try {
    return await analyse(opts, size, out, started);
  } catch (e) {
    await out.close().catch(() => {});
    await fs.promises.rm(opts.output, { force: true });
    throw e;
  }
}

async function analyse(opts: AnalysisOptions, size: number, out: JsonlWriter, started: number): Promise<AnalysisSummary> {
  const cores = os.availableParallelism();
  const workers = opts.workers ?? (cores > 1 && size > (opts.parallelAboveBytes ?? DEFAULT_PARALLEL_ABOVE) ? Math.max(1, cores - 1) : 0);
  const mainHelps = workers > 0 && workers < cores;
  const malformedLines: MalformedLine[] = [];
  let malformed = 0;
  const onMalformed = (m: MalformedLine) => {
    malformed++;
    if (malformedLines.length < MAX_KEPT_MALFORMED) malformedLines.push(m);
    opts.onMalformed?.(m);
  };
  const progress = (phase: AnalysisPhase, done: number, total: number, ads: number) =>
    opts.onProgress?.({ phase, done, total, unit: phase === 'analyze' ? 'bytes' : 'ads', ads });

  let t = performance.now();
  const analyzer = opts.analyzer ?? DEFAULT_ANALYZER;
  const input = { path: opts.input, size, analyzer, onMalformed, onProgress: (done: number, ads: number) => progress('analyze', done, size, ads) };
  let pool: PoolStats | null = null;
  let ads: AdFeatures[];
  if (workers > 0) ({ ads, stats: pool } = await analyzeInPool(input, workers, mainHelps, opts.batchBytes ?? PARALLEL_BATCH_BYTES));
  else ads = await analyzeInThread(input, opts.batchBytes ?? SERIAL_BATCH_BYTES);
  const analyzeMs = performance.now() - t;
  const memoryMB = { analyze: memoryNow() } as AnalysisSummary['memoryMB'];

  const ranked = rank(ads, opts, progress);
  // The features and the clustering are dropped here: only the results are needed to write.
  ads = [];
  const { results, clusters } = ranked;
  memoryMB.cluster = ranked.memoryAfterCluster;
  memoryMB.score = memoryNow();

  t = performance.now();
  await writeResults(out, results, (done) => progress('write', done, results.length, results.length));
  const writeMs = performance.now() - t;
  memoryMB.write = memoryNow();
  return {
    input: opts.input,
    output: opts.output,
    ads: results.length,
    malformed,
    malformedLines,
    ...clusters,
    workers,
    pool,
    phasesMs: { analyze: analyzeMs, cluster: ranked.clusterMs, score: ranked.scoreMs, write: writeMs },
    memoryMB,
    totalMs: performance.now() - started,
  };
}

type ClusterCounts = Pick<AnalysisSummary, 'clusters' | 'multiAdClusters' | 'largestCluster' | 'topClusters'>;

/** Clusters and scores; returns what writing and the summary need, so that the rest can be collected. */
function rank(
  ads: AdFeatures[],
  opts: AnalysisOptions,
  progress: (phase: AnalysisPhase, done: number, total: number, ads: number) => void,
): { results: AdResult[]; clusters: ClusterCounts; clusterMs: number; scoreMs: number; memoryAfterCluster: { rss: number; heap: number } } {
  let t = performance.now();
  progress('cluster', 0, ads.length, ads.length);
  const clustered = (opts.cluster ?? clusterAds)(ads);
  progress('cluster', ads.length, ads.length, ads.length);
  const clusterMs = performance.now() - t;
  const memoryAfterCluster = memoryNow();

  t = performance.now();
  const n = ads.length;
  // The engine's scoring drops each ad's features once its result is built (they are not needed after).
  const results = opts.score ? opts.score(ads, clustered) : scoreAds(ads, clustered, { release: true });
  if (results.length !== n) throw new Error(`scoring returned ${results.length} results for ${n} ads`);
  progress('score', n, n, n);
  const scoreMs = performance.now() - t;

  let largestCluster = 0;
  let multiAdClusters = 0;
  for (const c of clustered.clusters) {
    if (c.size > largestCluster) largestCluster = c.size;
    if (c.size >= 2) multiAdClusters++;
  }
  const topClusters = clustered.clusters
    .filter((c) => c.size >= 2)
    .sort((a, b) => b.score - a.score || b.size - a.size)
    .slice(0, 10);
  return { results, clusters: { clusters: clustered.clusters.length, multiAdClusters, largestCluster, topClusters }, clusterMs, scoreMs, memoryAfterCluster };
}

async function writeResults(out: JsonlWriter, results: AdResult[], onProgress: (done: number) => void): Promise<void> {
  // Cluster reasons and generic-identifier hits are shared by many ads: each is serialised once.
  const hitJson = new Map<object, string>();
  try {
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      // Written results can go: at a million ads they are hundreds of megabytes.
      (results as (AdResult | undefined)[])[i] = undefined;
      const flushed = out.writeLine(resultLine(r, hitJson));
      if (flushed) {
        await flushed;
        onProgress(i + 1);
      }
    }
  } finally {
    await out.close();
  }
  onProgress(results.length);
}

/** Codes of cluster-level hits: one object shared by the ads of a cluster or group (score-ads.ts). */
const SHARED_CODES: ReadonlySet<string> = new Set(Object.keys(defaultClusterConfig.score.structural));

/**
 * One output line: the same text as JSON.stringify of {id, source, clusterId, adScore, clusterScore,
 * indicators: [{code, weight, evidence}], phones, language}, built by hand; the JSON of shared
 * (cluster-level) hit objects is kept in `hitJson`.
 */
export function resultLine(r: AdResult, hitJson: Map<object, string> = new Map()): string {
  let line = `{"id":${JSON.stringify(r.id)},"source":${JSON.stringify(r.source)},"clusterId":${JSON.stringify(r.clusterId)},"adScore":${JSON.stringify(r.adScore)},"clusterScore":${JSON.stringify(r.clusterScore)},"indicators":[`;
  const hits = r.indicators;
  for (let h = 0; h < hits.length; h++) {
    const x = hits[h]!;
    let json = hitJson.get(x);
    if (json === undefined) {
      json = `{"code":${JSON.stringify(x.code)},"weight":${JSON.stringify(x.weight)},"evidence":${JSON.stringify(x.evidence)}}`;
      if (SHARED_CODES.has(x.code)) {
        // Bounded: at a million ads the distinct shared hits would hold tens of megabytes.
        if (hitJson.size >= 65_536) hitJson.clear();
        hitJson.set(x, json);
      }
    }
    line += h === 0 ? json : `,${json}`;
  }
  return `${line}],"phones":${r.phones.length === 0 ? '[]' : JSON.stringify(r.phones)},"language":${JSON.stringify(r.language)}}`;
}
