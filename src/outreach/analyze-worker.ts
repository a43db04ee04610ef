import { parentPort, workerData } from 'node:worker_threads';
import { encodeFeatures, transferList, type EncodedFeatures } from './features-codec.ts';
import { splitLines } from './io/jsonl-lines.ts';
import { parseLineBatch } from './io/read-ads.ts';
import type { AdFeatures, AdRecord } from './types.ts';

/**
 * A worker of the analysis pool (src/outreach/run-analysis.ts). It receives raw UTF-8 batches of whole
 * lines (transferred, not copied), decodes, parses, checks and analyses them, and sends back the ads'
 * features (column-encoded, see features-codec.ts) with the malformed lines. Indexes are local to the batch; the pipeline renumbers them.
 */
export type BatchRequest = { seq: number; firstLine: number; lineCount: number; bytes: Uint8Array };
export type BatchResponse = {
  seq: number;
  features: EncodedFeatures | null;
  malformed: { line: number; problem: string }[];
  /** Time spent in this worker: reading and analysing, and encoding the result. */
  analyzeMs: number;
  encodeMs: number;
  error?: string;
};

type Analyze = (record: AdRecord, index: number) => AdFeatures;

const { analyzer } = workerData as { analyzer: string };
const { analyzeAd } = (await import(analyzer)) as { analyzeAd: Analyze };

parentPort!.on('message', (req: BatchRequest) => {
  try {
    const t0 = performance.now();
    const batch = parseLineBatch(splitLines(req));
    const features: AdFeatures[] = [];
    for (let i = 0; i < batch.ads.length; i++) features.push(analyzeAd(batch.ads[i]!, i));
    const t1 = performance.now();
    const encoded = encodeFeatures(features);
    const encodeMs = performance.now() - t1;
    parentPort!.postMessage({ seq: req.seq, features: encoded, malformed: batch.malformed, analyzeMs: t1 - t0, encodeMs } satisfies BatchResponse, transferList(encoded));
  } catch (e) {
    parentPort!.postMessage({ seq: req.seq, features: null, malformed: [], analyzeMs: 0, encodeMs: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies BatchResponse);
  }
});
