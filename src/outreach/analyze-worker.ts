import { parentPort, workerData } from 'node:worker_threads';
import { eachRecordOf, type Analyze } from './analyze-lines.ts';
import type { TextConfig } from './cluster/config.ts';
import { TemplateSketcher } from './cluster/text-sketch.ts';
import { FeatureEncoder, transferList, type EncodedFeatures } from './features-codec.ts';
import { PhotoFiles, type PhotoProblem, type PhotoTally } from './io/photo-files.ts';
import type { MalformedLine } from './io/read-ads.ts';
import { ENGINE_ANALYZER, withRepostMemo } from './repost-memo.ts';
import type { AdFeatures } from './types.ts';

/**
 * A worker of the analysis pool (src/outreach/run-analysis.ts). It receives raw UTF-8 batches of whole
 * lines (transferred, not copied), decodes, parses, checks and analyses them one line at a time (a batch
 * listing photo files is parsed whole first and its photos hashed: photo-files.ts), encoding
 * each ad's features as it goes (column-encoded, see features-codec.ts), and sends back the batch with
 * the malformed lines. Indexes are local to the batch; the pipeline renumbers them.
 */
/** `sketch`: the clusterer's text configuration, to sketch templates in the worker (null: send the texts). */
export type WorkerOptions = {
  analyzer: string;
  sketch: Pick<TextConfig, 'k' | 'charN' | 'charSampleBits'> | null;
  /** Folder that relative photo paths are taken from (photo-files.ts). */
  photoBase: string;
};
export type BatchRequest = { seq: number; firstLine: number; lineCount: number; bytes: Uint8Array };
export type BatchResponse = {
  seq: number;
  features: EncodedFeatures | null;
  malformed: { line: number; problem: string }[];
  /** Listed photos of this batch that could not be hashed, and the batch's photo counts. */
  photoProblems: PhotoProblem[];
  photos: PhotoTally;
  /** Time spent in this worker: reading and analysing, and encoding the result. */
  analyzeMs: number;
  /** Assembling the encoded batch (each ad's share of the encoding is counted in analyzeMs). */
  encodeMs: number;
  error?: string;
};

const { analyzer, sketch, photoBase } = workerData as WorkerOptions;
const photoFiles = new PhotoFiles(photoBase);
const imported = ((await import(analyzer)) as { analyzeAd: Analyze }).analyzeAd;
// The engine's own analyser behind a repost memo of this worker's (repost-memo.ts).
const analyzeAd = analyzer === ENGINE_ANALYZER ? withRepostMemo(imported) : imported;
const encoder = new FeatureEncoder();
// With a text configuration, template texts are sketched here and only their sketches are sent: the
// main thread then neither decodes nor hashes nor shingles them (it has the clustering to do).
const sketcher = sketch ? new TemplateSketcher(sketch) : null;
const add = sketcher
  ? (f: AdFeatures) => {
      f.templateSketch = sketcher.sketch(f.templateText);
      f.templateText = '';
      encoder.add(f);
    }
  : (f: AdFeatures) => encoder.add(f);

// Batches are handled one after another: a batch with photo files waits for their hashes, and the
// encoder holds one batch at a time.
let queue = Promise.resolve();
parentPort!.on('message', (req: BatchRequest) => {
  queue = queue.then(() => handle(req));
});

async function handle(req: BatchRequest): Promise<void> {
  try {
    const t0 = performance.now();
    const malformed: MalformedLine[] = [];
    const photoProblems: PhotoProblem[] = [];
    const before = { ...photoFiles.tally };
    let i = 0;
    await eachRecordOf(req, photoFiles, (ad) => add(analyzeAd(ad, i++)), (m) => malformed.push(m), (p) => photoProblems.push(p));
    const photos = { hashed: photoFiles.tally.hashed - before.hashed, failed: photoFiles.tally.failed - before.failed };
    const t1 = performance.now();
    const encoded = encoder.finish();
    const encodeMs = performance.now() - t1;
    const response: BatchResponse = { seq: req.seq, features: encoded, malformed, photoProblems, photos, analyzeMs: t1 - t0, encodeMs };
    parentPort!.postMessage(response, transferList(encoded));
  } catch (e) {
    encoder.finish(); // drops the failed batch's partial encoding
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    parentPort!.postMessage({ seq: req.seq, features: null, malformed: [], photoProblems: [], photos: { hashed: 0, failed: 0 }, analyzeMs: 0, encodeMs: 0, error } satisfies BatchResponse);
  }
}
