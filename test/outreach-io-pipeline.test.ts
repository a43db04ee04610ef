import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterOutput } from '../src/outreach/cluster/cluster-ads.ts';
import { defaultClusterConfig } from '../src/outreach/cluster/config.ts';
import { TemplateSketcher } from '../src/outreach/cluster/text-sketch.ts';
import { compactFeatures, decodeFeatures, encodeFeatures, StringTable } from '../src/outreach/features-codec.ts';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';
import { runAnalysis, type AnalysisOptions } from '../src/outreach/run-analysis.ts';
import type { AdFeatures, AdResult } from '../src/outreach/types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-pipeline-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const stub = new URL('./fixtures/outreach/stub-analyzer.ts', import.meta.url).href;
const throwing = new URL('./fixtures/outreach/throwing-analyzer.ts', import.meta.url).href;

/** Stand-ins for clustering and scoring: one cluster per first phone; they record what they were given. */
function engine() {
  const seen: { indexes: number[] } = { indexes: [] };
  const cluster = (ads: AdFeatures[]): ClusterOutput => {
    seen.indexes = ads.map((a) => a.index);
    const ids = new Map<string, number>();
    const clusterOf = Int32Array.from(ads, (a) => {
      const k = a.phones[0] ?? `solo:${a.index}`;
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k)!;
    });
    const clusters = [...ids.keys()].map((_, c) => ({ clusterId: `c${c}`, size: 0, score: 0, reasons: [], personas: 1, cities: [], moves: 0, phones: 1, firstPostedAt: null, lastPostedAt: null }));
    for (const c of clusterOf) clusters[c]!.size++;
    return { clusterOf, clusters, clusterIdOf: (i: number) => `c${clusterOf[i]}` } as unknown as ClusterOutput;
  };
  const score = (ads: AdFeatures[], out: ClusterOutput): AdResult[] =>
    ads.map((a, i) => ({ id: a.id, source: a.source, clusterId: out.clusterIdOf(i), adScore: a.indicators.length, clusterScore: 0, indicators: a.indicators, phones: a.phones, language: a.language }));
  return { seen, cluster, score };
}

function corpus(name: string, n: number, bad: (i: number) => string | null): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      bad(i) ??
        JSON.stringify({ id: `ad${i}`, source: i % 3 ? 'a' : 'b', title: `Ad ${i} ภาษาไทย`, body: `Call 06${String(10_000_000 + (i % 500)).slice(0, 8)} ${i % 7 ? '' : '24/7'} ${'x'.repeat(i % 300)}`, city: 'Utrecht', country: 'NL' }),
    );
  }
  const p = path.join(dir, name);
  fs.writeFileSync(p, lines.join('\n'));
  return p;
}

async function analyse(input: string, workers: number, extra: Partial<AnalysisOptions> = {}) {
  const e = engine();
  const output = path.join(dir, `${path.basename(input)}.${workers}.out`);
  const malformed: number[] = [];
  const summary = await runAnalysis({ input, output, workers, analyzer: stub, cluster: e.cluster, score: e.score, onMalformed: (m) => malformed.push(m.line), ...extra });
  return { summary, malformed, indexes: e.seen.indexes, out: fs.readFileSync(output, 'utf8') };
}

describe('runAnalysis', () => {
  const badAt = (i: number) => (i % 1009 === 5 ? `{"id":"broken ${i}"` : i % 2003 === 7 ? '{"source":"no id"}' : null);

  it('gives the same output with a worker pool as in one thread: input order, renumbered ads, malformed lines in order', async () => {
    const input = corpus('many.jsonl', 12_000, badAt);
    const expectedBad = Array.from({ length: 12_000 }, (_, i) => i).filter((i) => badAt(i) !== null).map((i) => i + 1);
    const serial = await analyse(input, 0, { batchBytes: 100_000 });
    const pooled = await analyse(input, 2, { batchBytes: 64 * 1024 });
    // One worker, with this thread analysing the batches the worker has no room for.
    const hybrid = await analyse(input, 1, { batchBytes: 32 * 1024 });
    expect(hybrid.out).toBe(serial.out);
    expect(hybrid.malformed).toEqual(expectedBad);
    const stats = hybrid.summary.pool!;
    if (os.availableParallelism() > 1) {
      expect(stats.mainThreadHelped).toBe(true);
      expect(stats.batchesInMainThread).toBeGreaterThan(0);
      expect(stats.batchesInMainThread).toBeLessThan(stats.batches);
    }
    expect(serial.malformed).toEqual(expectedBad);
    expect(pooled.malformed).toEqual(expectedBad);
    expect(pooled.summary.workers).toBe(2);
    expect(pooled.summary.ads).toBe(12_000 - expectedBad.length);
    expect(pooled.indexes).toEqual(Array.from({ length: pooled.summary.ads }, (_, i) => i));
    expect(pooled.out).toBe(serial.out);
    const ids = pooled.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids[0]).toBe('ad0');
    expect(ids[ids.length - 1]).toBe('ad11999');
  }, 120_000);

  it('reports progress per phase, ending at the input size', async () => {
    const input = corpus('progress.jsonl', 3000, () => null);
    const phases: string[] = [];
    let lastAnalyze = 0;
    const { summary } = await analyse(input, 2, {
      onProgress: (p) => {
        if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
        if (p.phase === 'analyze') lastAnalyze = p.done;
      },
    });
    expect(phases).toEqual(['analyze', 'cluster', 'score', 'write']);
    expect(lastAnalyze).toBe(fs.statSync(input).size);
    expect(summary.ads).toBe(3000);
  }, 120_000);

  it('gives the same output with the engine clustering and scoring in one thread and with workers (templates sketched there)', async () => {
    const input = path.join(dir, 'engine.jsonl');
    await generateCorpus({ ads: 3000, seed: 'pipeline', out: input, truth: path.join(dir, 'engine-truth.jsonl') });
    const run = async (workers: number, batchBytes: number) => {
      const output = path.join(dir, `engine.${workers}.out`);
      const summary = await runAnalysis({ input, output, workers, batchBytes });
      return { summary, out: fs.readFileSync(output, 'utf8') };
    };
    const serial = await run(0, 200_000);
    const pooled = await run(2, 128 * 1024);
    const hybrid = await run(1, 64 * 1024);
    expect(serial.summary.ads).toBe(3000);
    expect(serial.summary.multiAdClusters).toBeGreaterThan(0);
    expect(pooled.out).toBe(serial.out);
    expect(hybrid.out).toBe(serial.out);
    expect(pooled.summary.clusters).toBe(serial.summary.clusters);
  }, 180_000);

  it('fails, without hanging, when the analyser throws in a worker', async () => {
    const input = corpus('boom.jsonl', 4000, (i) => (i === 3500 ? JSON.stringify({ id: 'boom', source: 's' }) : null));
    await expect(analyse(input, 2, { analyzer: throwing })).rejects.toThrow(/analyser failed on purpose/);
    await expect(analyse(input, 0, { analyzer: throwing })).rejects.toThrow(/analyser failed on purpose/);
    // No partial output is left behind.
    expect(fs.existsSync(`${input}.0.out`)).toBe(false);
    expect(fs.existsSync(`${input}.2.out`)).toBe(false);
  }, 120_000);

  it('fails clearly when the input does not exist', async () => {
    await expect(analyse(path.join(dir, 'nope.jsonl'), 0)).rejects.toThrow(/ENOENT/);
  });

  it('fails before analysing when the output cannot be written', async () => {
    const input = corpus('unwritable.jsonl', 10, () => JSON.stringify({ id: 'boom', source: 's' }));
    const output = path.join(dir, 'no-such-folder', 'out.jsonl');
    // The analyser would throw on the first ad: an ENOENT shows that nothing was analysed.
    await expect(runAnalysis({ input, output, workers: 0, analyzer: throwing })).rejects.toThrow(/ENOENT/);
  });
});

describe('features codec', () => {
  const str = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', 'ไทย', '中文', 'Здравей', 'é', '😀'));
  const feature = fc.record({
    index: fc.nat(),
    id: str,
    source: str,
    postedAt: fc.option(fc.integer({ min: 0, max: 2 ** 45 })),
    city: fc.option(str),
    country: fc.option(str),
    language: str,
    phones: fc.array(str, { maxLength: 3 }),
    obfuscatedPhones: fc.array(str, { maxLength: 2 }),
    emails: fc.array(str, { maxLength: 2 }),
    handles: fc.array(str, { maxLength: 2 }),
    age: fc.option(fc.integer({ min: 0, max: 120 })),
    price: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    names: fc.array(str, { maxLength: 2 }),
    nationalities: fc.array(str, { maxLength: 2 }),
    indicators: fc.array(
      fc.oneof(
        fc.record({ code: str, weight: fc.double({ noNaN: true }), evidence: str }),
        fc.record({ code: str, weight: fc.double({ noNaN: true }), evidence: str, span: fc.tuple(fc.nat(), fc.nat()) }),
      ),
      { maxLength: 3 },
    ),
    templateText: str,
    imageHashes: fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { maxLength: 3 }),
  });

  it('carries template sketches instead of texts, exactly (property)', () => {
    const sketcher = new TemplateSketcher(defaultClusterConfig.text);
    fc.assert(
      fc.property(fc.array(fc.tuple(feature, fc.boolean()), { maxLength: 12 }), (rows) => {
        const batch = rows.map(([f, sketched]) => {
          const g = structuredClone(f) as AdFeatures;
          if (sketched) {
            g.templateSketch = sketcher.sketch(g.templateText);
            g.templateText = '';
          }
          return g;
        });
        const back = decodeFeatures(structuredClone(encodeFeatures(batch)));
        expect(back).toEqual(batch);
        for (let i = 0; i < batch.length; i++) expect(back[i]!.templateSketch === undefined).toBe(batch[i]!.templateSketch === undefined);
      }),
    );
  });

  it('shares equal lists and only equal lists', () => {
    const t = new StringTable();
    const a = t.list(['a', 'b']);
    expect(t.list(['a', 'b'])).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    for (const other of [['ab'], ['b', 'a'], ['a', 'b', 'c'], ['a\u0001b', 'c'], ['a', 'b\u0001c']]) expect(t.list([...other])).toEqual(other);
    expect(t.list(['a\u0001b', 'c'])).not.toBe(t.list(['a', 'b\u0001c']));
    const hit = (weight: number, span?: [number, number]) => [{ code: 'youth-language', weight, evidence: 'jong', ...(span ? { span } : {}) }];
    const h = t.hits(hit(1, [3, 7]));
    expect(t.hits(hit(1, [3, 7]))).toBe(h);
    for (const other of [hit(1), hit(2, [3, 7]), hit(1, [3, 8]), hit(-0, [3, 7])]) expect(t.hits(other)).toEqual(other);
    expect(t.hashes([1n, 2n ** 64n - 1n])).toBe(t.hashes([1n, 2n ** 64n - 1n]));
    expect(t.hashes([2n])).toEqual([2n]);
  });

  it('decodes exactly what was encoded, through a structured clone (property)', () => {
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 20 }), (batch) => {
        const table = new StringTable();
        const copy = structuredClone(batch) as AdFeatures[];
        const back = decodeFeatures(structuredClone(encodeFeatures(batch as AdFeatures[])), table);
        expect(back).toEqual(batch);
        // Compacting (interning, shared empty lists) changes no value.
        for (const f of copy) compactFeatures(f, table);
        expect(copy).toEqual(batch);
        for (const f of [...back, ...copy]) if (f.phones.length === 0) expect(Object.isFrozen(f.phones)).toBe(true);
      }),
    );
  });
});
