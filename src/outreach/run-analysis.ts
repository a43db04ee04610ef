import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeInPool, analyzeInThread, type FeatureSink, type PoolStats, type RepostSink } from './analyze-input.ts';
import { adFieldsOf } from './analyze/ad-fields.ts';
import { Clusterer, clusterAds, type ClusterOutput } from './cluster/cluster-ads.ts';
import { defaultWorkers } from './default-workers.ts';
import { AdScorer, scoreAds } from './cluster/score-ads.ts';
import { compactFeatures, StringTable } from './features-codec.ts';
import { JsonlWriter } from './io/jsonl-writer.ts';
import { writeResults } from './io/result-lines.ts';
import { KeptHits } from './kept-hits.ts';
import { ENGINE_ANALYZER } from './repost-memo.ts';
import type { PhotoProblem, PhotoTally } from './io/photo-files.ts';
import type { MalformedLine } from './io/read-ads.ts';
import type { AdFeatures, AdResult, ClusterSummary, RetainedAd } from './types.ts';

export type { PoolStats } from './analyze-input.ts';

export type AnalysisPhase = 'analyze' | 'cluster' | 'score' | 'write';
/** Progress of one phase; `analyze` (reading included) counts input bytes, the others ads. */
export type AnalysisProgress = { phase: AnalysisPhase; done: number; total: number; unit: 'bytes' | 'ads'; ads: number };

export type AnalysisOptions = {
  input: string;
  output: string;
  /**
   * Worker threads for per-ad analysis: 0 = all in this thread. This thread analyses batches too while
   * a core is left for it (workers < cores). Default (default-workers.ts): none for small inputs, else one
   * per core that other processes leave idle beyond this thread's own (at most cores - 1).
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
  /**
   * Stand-ins for the engine's clustering and scoring (tests, experiments). They get every ad's whole
   * features at the end of the analysis phase; the engine's own instead indexes each ad as it arrives
   * and keeps only a RetainedAd of it.
   */
  cluster?: (ads: AdFeatures[]) => ClusterOutput;
  score?: (ads: AdFeatures[], out: ClusterOutput) => AdResult[];
  onProgress?: (p: AnalysisProgress) => void;
  onMalformed?: (m: MalformedLine) => void;
  /** A photo listed in `images` that could not be hashed (the ad is analysed without it). */
  onPhotoProblem?: (p: PhotoProblem) => void;
};

export type AnalysisSummary = {
  input: string;
  output: string;
  ads: number;
  malformed: number;
  /** The first malformed lines (at most MAX_KEPT_MALFORMED; all of them went to `onMalformed`). */
  malformedLines: MalformedLine[];
  /**
   * Photos listed as files (`images`): hashed, and not usable; the first problems (at most
   * MAX_KEPT_MALFORMED; all of them went to `onPhotoProblem`).
   */
  photos: PhotoTally & { problems: PhotoProblem[] };
  clusters: number;
  /** Clusters with at least two ads. */
  multiAdClusters: number;
  largestCluster: number;
  topClusters: ClusterSummary[];
  workers: number;
  /** With workers: time spent analysing and encoding in the workers (summed) and decoding in this thread. */
  pool: PoolStats | null;
  /**
   * Milliseconds per phase. In the engine's own path `analyze` includes indexing each ad for clustering
   * (Clusterer.add), and `score` is the time spent scoring ads while their lines were written.
   */
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
  const workers = opts.workers ?? defaultWorkers(size, opts.parallelAboveBytes ?? DEFAULT_PARALLEL_ABOVE, cores);
  const mainHelps = workers > 0 && workers < cores;
  const malformedLines: MalformedLine[] = [];
  let malformed = 0;
  const onMalformed = (m: MalformedLine) => {
    malformed++;
    if (malformedLines.length < MAX_KEPT_MALFORMED) malformedLines.push(m);
    opts.onMalformed?.(m);
  };
  const photos: AnalysisSummary['photos'] = { hashed: 0, failed: 0, problems: [] };
  const onPhotoProblem = (p: PhotoProblem) => {
    if (photos.problems.length < MAX_KEPT_MALFORMED) photos.problems.push(p);
    opts.onPhotoProblem?.(p);
  };
  const progress = (phase: AnalysisPhase, done: number, total: number, ads: number) =>
    opts.onProgress?.({ phase, done, total, unit: phase === 'analyze' ? 'bytes' : 'ads', ads });

  let t = performance.now();
  const analyzer = opts.analyzer ?? ENGINE_ANALYZER;
  const input = {
    path: opts.input,
    size,
    analyzer,
    onMalformed,
    photoBase: path.dirname(path.resolve(opts.input)),
    onPhotoProblem,
    photos,
    onProgress: (done: number, ads: number) => progress('analyze', done, size, ads),
  };
  // Repeated strings, lists and indicator hits (sources, languages, phones, the hits of reposts) are kept
  // once. A one-phone list comes from the clusterer's identifier index, which has just looked the number
  // up (a second lookup in the string table cost about 1 us per ad); the table takes the other lists.
  const table = new StringTable();
  const keptHits = new KeptHits();
  const custom = opts.cluster !== undefined || opts.score !== undefined;
  const full: AdFeatures[] = [];
  const kept: RetainedAd[] = [];
  // The clusterer indexes each ad as it is analysed (reserving its arrays for about as many ads as the
  // input holds at ~600 bytes an ad); scoring and writing need only a RetainedAd of it afterwards.
  const clusterer = custom ? null : new Clusterer(undefined, { expectedAds: Math.ceil(size / 600) });
  const sink: FeatureSink = clusterer
    ? (f) => {
        clusterer.add(f);
        const phones = clusterer.lastPhones() ?? table.list(f.phones);
        kept.push({ id: f.id, source: table.intern(f.source), indicators: keptHits.keep(f.indicators), phones, language: table.intern(f.language) });
      }
    : (f) => {
        compactFeatures(f, table);
        full.push(f);
      };
  // An exact repost takes over what its earlier ad kept (analysed in this thread: repost-index.ts).
  const onRepost: RepostSink | undefined = clusterer
    ? (record, earlier) => {
        const own = adFieldsOf(record);
        clusterer.addRepost(own, earlier);
        const of = kept[earlier]!;
        kept.push({ id: own.id, source: table.intern(own.source), indicators: of.indicators, phones: of.phones, language: of.language });
      }
    : undefined;
  let pool: PoolStats | null = null;
  if (workers > 0) ({ stats: pool } = await analyzeInPool(input, workers, mainHelps, opts.batchBytes ?? PARALLEL_BATCH_BYTES, sink, clusterer ? clusterer.config.text : null));
  else await analyzeInThread(input, opts.batchBytes ?? SERIAL_BATCH_BYTES, sink, onRepost);
  const analyzeMs = performance.now() - t;
  const memoryMB = { analyze: memoryNow() } as AnalysisSummary['memoryMB'];

  const ranked = clusterer ? rankStreaming(kept, clusterer, progress) : rank(full, opts.cluster ?? clusterAds, opts.score ?? ((ads, out) => scoreAds(ads, out, { release: true })), progress);
  const { count, clusters } = ranked;
  memoryMB.cluster = ranked.memoryAfterCluster;
  memoryMB.score = memoryNow();

  t = performance.now();
  const scoredWhileWriting = await writeResults(out, count, ranked.resultAt, (done) => progress('write', done, count, count));
  const writeMs = performance.now() - t - scoredWhileWriting;
  memoryMB.write = memoryNow();
  return {
    input: opts.input,
    output: opts.output,
    ads: count,
    malformed,
    malformedLines,
    photos,
    ...clusters,
    workers,
    pool,
    phasesMs: { analyze: analyzeMs, cluster: ranked.clusterMs, score: ranked.scoreMs + scoredWhileWriting, write: writeMs },
    memoryMB,
    totalMs: performance.now() - started,
  };
}

type ClusterCounts = Pick<AnalysisSummary, 'clusters' | 'multiAdClusters' | 'largestCluster' | 'topClusters'>;

/**
 * What writing and the summary need: the result of each ad by input index (each asked for once, in
 * order, so that it can be made or released on the spot), and the cluster counts.
 */
type Ranked = {
  count: number;
  resultAt: (i: number) => AdResult;
  clusters: ClusterCounts;
  clusterMs: number;
  scoreMs: number;
  memoryAfterCluster: { rss: number; heap: number };
};

/** With stand-ins for clustering or scoring: every result is made before writing starts. */
function rank<A extends RetainedAd>(
  ads: A[],
  cluster: (ads: A[]) => ClusterOutput,
  score: (ads: A[], out: ClusterOutput) => AdResult[],
  progress: (phase: AnalysisPhase, done: number, total: number, ads: number) => void,
): Ranked {
  let t = performance.now();
  const n = ads.length;
  progress('cluster', 0, n, n);
  const clustered = cluster(ads);
  progress('cluster', n, n, n);
  const clusterMs = performance.now() - t;
  const memoryAfterCluster = memoryNow();

  t = performance.now();
  const results: (AdResult | undefined)[] = score(ads, clustered);
  if (results.length !== n) throw new Error(`scoring returned ${results.length} results for ${n} ads`);
  // The features are not needed after scoring.
  ads.length = 0;
  progress('score', n, n, n);
  const scoreMs = performance.now() - t;
  const resultAt = (i: number): AdResult => {
    const r = results[i]!;
    // Written results can go: at a million ads they are hundreds of megabytes.
    results[i] = undefined;
    return r;
  };
  return { count: n, resultAt, clusters: clusterCounts(clustered), clusterMs, scoreMs, memoryAfterCluster };
}

/**
 * The engine's own path: the clusterer has indexed every ad during analysis; here it links and scores
 * the clusters, and each ad is scored just before its line is written (AdScorer), so that a million
 * results never exist at the same time. The "score" phase is reported when writing starts; its time is
 * what scoring took within writing.
 */
function rankStreaming(kept: (RetainedAd | undefined)[], clusterer: Clusterer, progress: (phase: AnalysisPhase, done: number, total: number, ads: number) => void): Ranked {
  const t = performance.now();
  const n = kept.length;
  progress('cluster', 0, n, n);
  const clustered = clusterer.finish(kept as RetainedAd[]);
  progress('cluster', n, n, n);
  const clusterMs = performance.now() - t;
  const memoryAfterCluster = memoryNow();
  const scorer = new AdScorer(clustered);
  progress('score', n, n, n);
  const resultAt = (i: number): AdResult => {
    const r = scorer.score(kept[i]!, i);
    kept[i] = undefined;
    return r;
  };
  return { count: n, resultAt, clusters: clusterCounts(clustered), clusterMs, scoreMs: 0, memoryAfterCluster };
}

function clusterCounts(clustered: ClusterOutput): ClusterCounts {
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
  return { clusters: clustered.clusters.length, multiAdClusters, largestCluster, topClusters };
}
