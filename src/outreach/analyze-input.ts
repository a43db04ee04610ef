import { AnalyzePool } from './analyze-pool.ts';
import { decodeFeatures } from './features-codec.ts';
import { eachRecordOf, type Analyze } from './analyze-lines.ts';
import type { WorkerOptions } from './analyze-worker.ts';
import { readByteBatches, type ByteBatch } from './io/jsonl-lines.ts';
import { PhotoFiles, type PhotoProblem, type PhotoTally } from './io/photo-files.ts';
import type { MalformedLine } from './io/read-ads.ts';
import { RepostIndex } from './repost-index.ts';
import { ENGINE_ANALYZER, withRepostMemo } from './repost-memo.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/** The input of the analysis phase and where it reports. */
export type AnalysisInput = {
  path: string;
  size: number;
  /** URL of the module that exports `analyzeAd`. */
  analyzer: string;
  onMalformed: (m: MalformedLine) => void;
  /** Folder that relative photo paths (`images`) are taken from: the input file's. */
  photoBase: string;
  /** A listed photo that could not be hashed (the ad is analysed without it). */
  onPhotoProblem: (p: PhotoProblem) => void;
  /** Photos hashed from files and not usable, added to as the input is read. */
  photos: PhotoTally;
  /** Input bytes done, ads analysed so far. */
  onProgress: (bytes: number, ads: number) => void;
};

/**
 * Receives every ad's features once, in input order, with `index` set to its position among the valid
 * ads. The features are the sink's to keep or to drop: the pipeline hands each ad to the clusterer at
 * once and keeps only what scoring and writing need, so a million full feature objects never live at
 * the same time (they were most of the peak memory and made every young-generation collection copy
 * and promote them).
 */
export type FeatureSink = (f: AdFeatures) => void;

/** Where the time of a pooled analysis went (worker times are summed over workers). */
export type PoolStats = {
  workers: number;
  mainThreadHelped: boolean;
  batches: number;
  batchesInMainThread: number;
  workerAnalyzeMs: number;
  workerEncodeMs: number;
  mainAnalyzeMs: number;
  /** Decoding worker answers and handing their ads to the sink. */
  mainDecodeMs: number;
};

/** The analyser of a module URL; the engine's own behind a repost memo (repost-memo.ts). */
async function loadAnalyzer(url: string): Promise<Analyze> {
  const analyzeAd = ((await import(url)) as { analyzeAd: Analyze }).analyzeAd;
  return url === ENGINE_ANALYZER ? withRepostMemo(analyzeAd) : analyzeAd;
}

async function analyzeBatch(analyzeAd: Analyze, raw: ByteBatch, photos: PhotoFiles): Promise<{ features: AdFeatures[]; malformed: MalformedLine[]; photoProblems: PhotoProblem[] }> {
  const features: AdFeatures[] = [];
  const malformed: MalformedLine[] = [];
  const photoProblems: PhotoProblem[] = [];
  await eachRecordOf(raw, photos, (ad) => features.push(analyzeAd(ad, features.length)), (m) => malformed.push(m), (p) => photoProblems.push(p));
  return { features, malformed, photoProblems };
}

/**
 * Receives an exact repost (repost-index.ts) instead of its features: the ad's record, the index of the
 * earlier ad whose analysis it shares, and its own index.
 */
export type RepostSink = (record: AdRecord, earlier: number, index: number) => void;

/**
 * Reads and analyses every ad in this thread; returns the number of ads. With `onRepost` and the
 * engine's analyser, an exact repost of any earlier ad is not analysed again but handed to `onRepost`.
 */
export async function analyzeInThread(input: AnalysisInput, batchBytes: number, sink: FeatureSink, onRepost?: RepostSink): Promise<number> {
  let count = 0;
  let onRecord: (record: AdRecord) => void;
  if (onRepost !== undefined && input.analyzer === ENGINE_ANALYZER) {
    const analyzeAd = ((await import(input.analyzer)) as { analyzeAd: Analyze }).analyzeAd;
    const reposts = new RepostIndex(Math.ceil(input.size / 600));
    onRecord = (record) => {
      const index = count++;
      const earlier = reposts.find(record);
      if (earlier >= 0) return onRepost(record, earlier, index);
      reposts.add(index);
      const f = analyzeAd(record, index);
      f.index = index;
      sink(f);
    };
  } else {
    const analyzeAd = await loadAnalyzer(input.analyzer);
    onRecord = (record) => {
      const f = analyzeAd(record, count);
      f.index = count++;
      sink(f);
    };
  }
  let bytes = 0;
  const photos = new PhotoFiles(input.photoBase);
  for await (const raw of readByteBatches(input.path, batchBytes)) {
    await eachRecordOf(raw, photos, onRecord, input.onMalformed, input.onPhotoProblem);
    bytes += raw.bytes.length;
    input.onProgress(bytes, count);
  }
  addTally(input.photos, photos.tally);
  return count;
}

function addTally(to: PhotoTally, from: PhotoTally): void {
  to.hashed += from.hashed;
  to.failed += from.failed;
}

/** A finished batch waiting for its turn: features, or a worker's encoded answer decoded on delivery. */
type Finished = {
  features: AdFeatures[] | null;
  encoded: Parameters<typeof decodeFeatures>[0] | null;
  malformed: MalformedLine[];
  photoProblems: PhotoProblem[];
  length: number;
};

/**
 * Reads the input in this thread and analyses it in a pool of workers. Batches go to a worker while
 * one has room; when `mainHelps`, this thread analyses the batches for which no worker has room (on a
 * machine with a core to spare this beats one more worker: no second start-up, no encoding). Finished
 * batches are delivered to the sink in input order (a batch that finishes early waits for the ones
 * before it), with malformed lines reported in input order. With `sketch` (the clusterer's text
 * configuration) workers send template sketches instead of template texts. Returns the number of ads.
 */
export async function analyzeInPool(
  input: AnalysisInput,
  workers: number,
  mainHelps: boolean,
  batchBytes: number,
  sink: FeatureSink,
  sketch: WorkerOptions['sketch'] = null,
): Promise<{ ads: number; stats: PoolStats }> {
  const stats: PoolStats = { workers, mainThreadHelped: mainHelps, batches: 0, batchesInMainThread: 0, workerAnalyzeMs: 0, workerEncodeMs: 0, mainAnalyzeMs: 0, mainDecodeMs: 0 };
  const pool = new AnalyzePool(workers, { analyzer: input.analyzer, sketch, photoBase: input.photoBase });
  const photos = new PhotoFiles(input.photoBase);
  const localAnalyzer = mainHelps ? loadAnalyzer(input.analyzer) : null;
  // Keep the rejection handled until it is awaited (the pool may fail first).
  localAnalyzer?.catch(() => {});
  const finished = new Map<number, Finished>();
  const pending: Promise<void>[] = [];
  let failure: unknown = null;
  let bytes = 0;
  let count = 0;
  let next = 0;
  const deliver = () => {
    for (let b = finished.get(next); b !== undefined; b = finished.get(next)) {
      finished.delete(next++);
      const t0 = performance.now();
      for (const m of b.malformed) input.onMalformed(m);
      for (const p of b.photoProblems) input.onPhotoProblem(p);
      // Decoded only now, so that batches waiting for their turn stay compact.
      const features = b.features ?? (b.encoded ? decodeFeatures(b.encoded) : []);
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        (features as (AdFeatures | undefined)[])[i] = undefined;
        f.index = count++;
        sink(f);
      }
      if (b.encoded) stats.mainDecodeMs += performance.now() - t0;
      bytes += b.length;
      stats.batches++;
      input.onProgress(bytes, count);
    }
  };
  try {
    let seq = 0;
    for await (const raw of readByteBatches(input.path, batchBytes)) {
      if (failure) break;
      const at = seq++;
      const length = raw.bytes.length;
      if (localAnalyzer && !pool.hasRoom()) {
        const t0 = performance.now();
        const r = await analyzeBatch(await localAnalyzer, raw, photos);
        stats.mainAnalyzeMs += performance.now() - t0;
        stats.batchesInMainThread++;
        finished.set(at, { features: r.features, encoded: null, malformed: r.malformed, photoProblems: r.photoProblems, length });
        deliver();
        // Let the workers' answers in before the next batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Waits while every worker is busy, so reading never runs far ahead of analysis.
      await pool.waitForRoom();
      const job = pool.send(raw).then(
        (r) => {
          stats.workerAnalyzeMs += r.analyzeMs;
          stats.workerEncodeMs += r.encodeMs;
          addTally(input.photos, r.photos);
          finished.set(at, { features: null, encoded: r.features, malformed: r.malformed, photoProblems: r.photoProblems, length });
          try {
            deliver();
          } catch (e) {
            failure ??= e;
          }
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
  addTally(input.photos, photos.tally);
  return { ads: count, stats };
}
