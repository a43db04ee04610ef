import { parentPort, workerData } from 'node:worker_threads';
import { analyzeLines, type Analyze } from './analyze-lines.ts';
import type { TextConfig } from './cluster/config.ts';
import { TemplateSketcher } from './cluster/text-sketch.ts';
import { FeatureEncoder, transferList, type EncodedFeatures } from './features-codec.ts';
import type { MalformedLine } from './io/read-ads.ts';
import { ENGINE_ANALYZER, withRepostMemo } from './repost-memo.ts';
import type { AdFeatures } from './types.ts';

/**
 * A worker of the analysis pool (src/outreach/run-analysis.ts). It receives raw UTF-8 batches of whole
 * lines (transferred, not copied), decodes, parses, checks and analyses them one line at a time, encoding
 * each ad's features as it goes (column-encoded, see features-codec.ts), and sends back the batch with
 * the malformed lines. Indexes are local to the batch; the pipeline renumbers them.
 */
/** `sketch`: the clusterer's text configuration, to sketch templates in the worker (null: send the texts). */
export type WorkerOptions = { analyzer: string; sketch: Pick<TextConfig, 'k' | 'charN' | 'charSampleBits'> | null };
export type BatchRequest = { seq: number; firstLine: number; lineCount: number; bytes: Uint8Array };
export type BatchResponse = {
  seq: number;
  features: EncodedFeatures | null;
  malformed: { line: number; problem: string }[];
  /** Time spent in this worker: reading and analysing, and encoding the result. */
  analyzeMs: number;
  /** Assembling the encoded batch (each ad's share of the encoding is counted in analyzeMs). */
  encodeMs: number;
  error?: string;
};

const { analyzer, sketch } = workerData as WorkerOptions;
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

parentPort!.on('message', (req: BatchRequest) => {
  try {
    const t0 = performance.now();
    const malformed: MalformedLine[] = [];
    analyzeLines(analyzeAd, req, add, (m) => malformed.push(m));
    const t1 = performance.now();
    const encoded = encoder.finish();
    const encodeMs = performance.now() - t1;
    parentPort!.postMessage({ seq: req.seq, features: encoded, malformed, analyzeMs: t1 - t0, encodeMs } satisfies BatchResponse, transferList(encoded));
  } catch (e) {
    encoder.finish(); // drops the failed batch's partial encoding
    parentPort!.postMessage({ seq: req.seq, features: null, malformed: [], analyzeMs: 0, encodeMs: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies BatchResponse);
  }
});
