import { AnalyzePool } from './analyze-pool.ts';
import { compactFeatures, decodeFeatures, StringTable } from './features-codec.ts';
import { readByteBatches, splitLines, type ByteBatch } from './io/jsonl-lines.ts';
import { parseLineBatch, type MalformedLine } from './io/read-ads.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/** The input of the analysis phase and where it reports. */
export type AnalysisInput = {
  path: string;
  size: number;
  /** URL of the module that exports `analyzeAd`. */
  analyzer: string;
  onMalformed: (m: MalformedLine) => void;
  /** Input bytes done, ads analysed so far. */
  onProgress: (bytes: number, ads: number) => void;
};

/** Where the time of a pooled analysis went (worker times are summed over workers). */
export type PoolStats = {
  workers: number;
  mainThreadHelped: boolean;
  batches: number;
  batchesInMainThread: number;
  workerAnalyzeMs: number;
  workerEncodeMs: number;
  mainAnalyzeMs: number;
  mainDecodeMs: number;
};

type Analyze = (record: AdRecord, index: number) => AdFeatures;

async function loadAnalyzer(url: string): Promise<Analyze> {
  return ((await import(url)) as { analyzeAd: Analyze }).analyzeAd;
}

function analyzeBatch(analyzeAd: Analyze, raw: ByteBatch): { features: AdFeatures[]; malformed: MalformedLine[] } {
  const batch = parseLineBatch(splitLines(raw));
  const features: AdFeatures[] = [];
  for (let i = 0; i < batch.ads.length; i++) features.push(analyzeAd(batch.ads[i]!, i));
  return { features, malformed: batch.malformed };
}

/** Reads and analyses every ad in this thread. */
export async function analyzeInThread(input: AnalysisInput, batchBytes: number): Promise<AdFeatures[]> {
  const analyzeAd = await loadAnalyzer(input.analyzer);
  const table = new StringTable();
  const ads: AdFeatures[] = [];
  let bytes = 0;
  for await (const raw of readByteBatches(input.path, batchBytes)) {
    const { features, malformed } = analyzeBatch(analyzeAd, raw);
    for (const m of malformed) input.onMalformed(m);
    for (const f of features) {
      compactFeatures(f, table);
      f.index = ads.length;
      ads.push(f);
    }
    bytes += raw.bytes.length;
    input.onProgress(bytes, ads.length);
  }
  return ads;
}

/**
 * Reads the input in this thread and analyses it in a pool of workers. Batches go to a worker while
 * one has room; when `mainHelps`, this thread analyses the batches for which no worker has room (on a
 * machine with a core to spare this beats one more worker: no second start-up, no encoding). Results
 * are put back in input order and renumbered; malformed lines are reported in input order at the end.
 * Repeated strings are shared between ads (features-codec.ts), which matters at a million ads.
 */
export async function analyzeInPool(
  input: AnalysisInput,
  workers: number,
  mainHelps: boolean,
  batchBytes: number,
): Promise<{ ads: AdFeatures[]; stats: PoolStats }> {
  const stats: PoolStats = { workers, mainThreadHelped: mainHelps, batches: 0, batchesInMainThread: 0, workerAnalyzeMs: 0, workerEncodeMs: 0, mainAnalyzeMs: 0, mainDecodeMs: 0 };
  const pool = new AnalyzePool(workers, input.analyzer);
  const table = new StringTable();
  const localAnalyzer = mainHelps ? loadAnalyzer(input.analyzer) : null;
  // Keep the rejection handled until it is awaited (the pool may fail first).
  localAnalyzer?.catch(() => {});
  const results: AdFeatures[][] = [];
  const malformed: MalformedLine[][] = [];
  const pending: Promise<void>[] = [];
  let failure: unknown = null;
  let bytes = 0;
  let count = 0;
  const done = (at: number, features: AdFeatures[], bad: MalformedLine[], length: number) => {
    results[at] = features;
    malformed[at] = bad;
    bytes += length;
    count += features.length;
    stats.batches++;
    input.onProgress(bytes, count);
  };
  try {
    let seq = 0;
    for await (const raw of readByteBatches(input.path, batchBytes)) {
      if (failure) break;
      const at = seq++;
      const length = raw.bytes.length;
      if (localAnalyzer && !pool.hasRoom()) {
        const t0 = performance.now();
        const r = analyzeBatch(await localAnalyzer, raw);
        for (const f of r.features) compactFeatures(f, table);
        stats.mainAnalyzeMs += performance.now() - t0;
        stats.batchesInMainThread++;
        done(at, r.features, r.malformed, length);
        // Let the workers' answers in before the next batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Waits while every worker is busy, so reading never runs far ahead of analysis.
      await pool.waitForRoom();
      const job = pool.send(raw).then(
        (r) => {
          const t0 = performance.now();
          const features = r.features ? decodeFeatures(r.features, table) : [];
          stats.mainDecodeMs += performance.now() - t0;
          stats.workerAnalyzeMs += r.analyzeMs;
          stats.workerEncodeMs += r.encodeMs;
          done(at, features, r.malformed, length);
        },
        (e: unknown) => {
          failure ??= e;
        },
      );
      pending.push(job);
    }
    await Promise.all(pending);
    if (failure) throw failure;
  } finally {
    await pool.close();
  }
  for (const list of malformed) for (const m of list ?? []) input.onMalformed(m);
  const ads: AdFeatures[] = [];
  for (const list of results) {
    for (const f of list ?? []) {
      f.index = ads.length;
      ads.push(f);
    }
  }
  return { ads, stats };
}
