import type { AdResult } from '../types.ts';
import { JsonBytes } from './json-bytes.ts';
import type { JsonlWriter } from './jsonl-writer.ts';

/** Distinct hits whose bytes are kept; then the cache starts afresh (bounds its memory at a million ads). */
const MAX_CACHED_HITS = 65_536;
/** Scores are rounded to 4 decimals (score-clusters.ts round): 10,001 possible values in 0..1. */
const SCORE_STEPS = 10_000;

/**
 * Writes output lines: the same bytes as JSON.stringify of {id, source, clusterId, adScore,
 * clusterScore, indicators: [{code, weight, evidence}], phones, language}, written field by field into
 * the output buffer (JsonBytes). Hit objects are shared by many ads (an ad's own hits by its reposts
 * through KeptHits, a cluster's reasons by its ads, generic-identifier hits by every ad that carries the
 * identifier): on the 100,000-ad corpus 235,000 hits had 11,700 distinct texts, so each hit object's
 * bytes are made once and copied. The text of each rounded score is made once too.
 */
export class ResultEncoder {
  private readonly hitBytes = new Map<object, Uint8Array>();
  private readonly scratch = new JsonBytes(256);
  private readonly scoreText: (string | undefined)[] = [];

  write(out: JsonBytes, r: AdResult): void {
    out.ascii('{"id":');
    out.string(r.id);
    out.ascii(',"source":');
    out.string(r.source);
    out.ascii(',"clusterId":');
    out.string(r.clusterId);
    out.ascii(',"adScore":');
    out.ascii(this.score(r.adScore));
    out.ascii(',"clusterScore":');
    out.ascii(this.score(r.clusterScore));
    out.ascii(',"indicators":[');
    const hits = r.indicators;
    for (let h = 0; h < hits.length; h++) {
      if (h > 0) out.byte(0x2c);
      out.bytes(this.hit(hits[h]!));
    }
    out.ascii('],"phones":[');
    const phones = r.phones;
    for (let p = 0; p < phones.length; p++) {
      if (p > 0) out.byte(0x2c);
      out.string(phones[p]!);
    }
    out.ascii('],"language":');
    out.string(r.language);
    out.byte(0x7d);
  }

  private hit(x: AdResult['indicators'][number]): Uint8Array {
    let bytes = this.hitBytes.get(x);
    if (bytes !== undefined) return bytes;
    const s = this.scratch;
    s.used = 0;
    s.ascii('{"code":');
    s.string(x.code);
    s.ascii(',"weight":');
    s.number(x.weight);
    s.ascii(',"evidence":');
    s.string(x.evidence);
    s.byte(0x7d);
    bytes = s.buf.slice(0, s.used);
    if (this.hitBytes.size >= MAX_CACHED_HITS) this.hitBytes.clear();
    this.hitBytes.set(x, bytes);
    return bytes;
  }

  /** JSON text of a score (any number; the 4-decimal ones scoring gives are looked up). */
  private score(x: number): string {
    const i = Math.round(x * SCORE_STEPS);
    if (i >= 0 && i <= SCORE_STEPS && i / SCORE_STEPS === x) return (this.scoreText[i] ??= String(x));
    return Number.isFinite(x) ? String(x) : 'null';
  }
}

const decoder = new TextDecoder();

/** One output line as a string (see ResultEncoder). */
export function resultLine(r: AdResult, encoder = new ResultEncoder()): string {
  const out = new JsonBytes(512);
  encoder.write(out, r);
  return decoder.decode(out.buf.subarray(0, out.used));
}

/** Results are made in chunks of this many ads, timed, then written. */
const WRITE_CHUNK = 2048;

/** Writes every result in input order; returns the milliseconds spent making them (`resultAt`). */
export async function writeResults(out: JsonlWriter, count: number, resultAt: (i: number) => AdResult, onProgress: (done: number) => void): Promise<number> {
  const encoder = new ResultEncoder();
  const chunk: AdResult[] = [];
  let makeMs = 0;
  try {
    for (let from = 0; from < count; from += WRITE_CHUNK) {
      const to = Math.min(count, from + WRITE_CHUNK);
      const t0 = performance.now();
      for (let i = from; i < to; i++) chunk.push(resultAt(i));
      makeMs += performance.now() - t0;
      let flushedAny = false;
      for (let i = 0; i < chunk.length; i++) {
        encoder.write(out.line, chunk[i]!);
        const flushed = out.endLine();
        if (flushed) {
          await flushed;
          flushedAny = true;
        }
      }
      chunk.length = 0;
      if (flushedAny) onProgress(to);
    }
  } finally {
    await out.close();
  }
  onProgress(count);
  return makeMs;
}
