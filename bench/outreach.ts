/**
 * Outreach engine benchmark (`npm run bench`): generates 100,000 and 1,000,000 ads (BENCH_OUTREACH_SIZES,
 * comma-separated), then for each size, each in a fresh process: a bare JSON read/write round trip of
 * the same file, and `outreach analyze` end to end, with the clustering and ranking quality against the
 * generator's truth. Separate processes keep each measurement's heap and peak memory its own: measured
 * in the process that had just made the round trip (gigabytes of garbage), analyze at 1,000,000 ads was
 * about 9% slower (54.4 s against 49.8 s). Prints JSON lines; the last line per size
 * lists the targets of issue 5 with pass/fail.
 *
 * Sizes up to 100,000 are also measured on a corpus shaped like scraped data, ten daily scrapes of n/10
 * ads (bench/repost-corpus.ts; BENCH_OUTREACH_REPOSTS=0 skips it).
 *
 * BENCH_OUTREACH_SEED (default 1); BENCH_OUTREACH_WORKERS forces a worker count (default: the engine's
 * choice); BENCH_OUTREACH_COMPARE=1 also runs analyze single-threaded and with the pool on every size
 * (by default only on sizes up to 100,000); BENCH_OUTREACH_KEEP=1 keeps the generated files.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { nodeFlagsFor } from '../bin/node-flags.mjs';
import { readLineBatches } from '../src/outreach/io/jsonl-lines.ts';
import { JsonlWriter } from '../src/outreach/io/jsonl-writer.ts';
import { evaluateFiles } from '../src/outreach/metrics/evaluate.ts';
import { runAnalysis, type AnalysisSummary } from '../src/outreach/run-analysis.ts';
import { writeRepostCorpus } from './repost-corpus.ts';

const report = (name: string, data: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: name, ...data })}\n`);
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const MB = 1024 * 1024;

const TARGETS = { adsPerSecondPerCore: 20_000, ratioToBareJson: 15, peakMemoryMBAt1M: 2048, f1: 0.95, auc: 0.9, obfuscatedPhoneRecall: 0.95 };

const args = process.argv.slice(2);
if (args[0] === '--generate') await childGenerate(args[1]!, args[2]!, args[3]!, args[4]!);
else if (args[0] === '--bare') await childBare(args[1]!, args[2]!, args[3]!);
else if (args[0] === '--measure') await childMeasure(args[1]!, args[2]!, args[3]!, args[4]!, args[5] === 'auto' ? undefined : Number(args[5]), args[6] ?? 'generated');
else await main();

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_OUTREACH_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  const seed = process.env.BENCH_OUTREACH_SEED ?? '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-bench-outreach-'));
  try {
    for (const n of sizes) {
      const ads = path.join(dir, `ads-${n}.jsonl`);
      const truth = path.join(dir, `truth-${n}.jsonl`);
      await child(['--generate', String(n), seed, ads, truth]);
      const forced = process.env.BENCH_OUTREACH_WORKERS;
      const compare = process.env.BENCH_OUTREACH_COMPARE === '1' || n <= 100_000;
      const modes = forced !== undefined ? [forced] : compare ? ['auto', '0', String(os.availableParallelism())] : ['auto'];
      const bare = path.join(dir, `bare-${n}.json`);
      await child(['--bare', ads, path.join(dir, `bare-${n}.jsonl`), bare]);
      for (const mode of new Set(modes)) await child(['--measure', ads, truth, bare, path.join(dir, `out-${n}-${mode}.jsonl`), mode]);
      if (process.env.BENCH_OUTREACH_REPOSTS !== '0' && n <= 100_000) {
        // The shape of scraped data: ten daily scrapes of n/10 ads (bench/repost-corpus.ts), one thread.
        const rAds = path.join(dir, `reposts-${n}.jsonl`);
        const rTruth = path.join(dir, `reposts-truth-${n}.jsonl`);
        await writeRepostCorpus(ads, truth, n, rAds, rTruth);
        const rBare = path.join(dir, `reposts-bare-${n}.json`);
        await child(['--bare', rAds, path.join(dir, `reposts-bare-${n}.jsonl`), rBare]);
        await child(['--measure', rAds, rTruth, rBare, path.join(dir, `out-reposts-${n}.jsonl`), '0', 'reposts']);
      }
    }
  } finally {
    if (process.env.BENCH_OUTREACH_KEEP === '1') process.stderr.write(`bench files kept in ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs this file again in a fresh Node process (through tsx), passing its JSON lines through. */
function child(childArgs: string[]): Promise<void> {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    // Analyze is measured with the V8 flags `baken outreach analyze` runs with (bin/node-flags.mjs).
    const flags = childArgs[0] === '--measure' ? nodeFlagsFor(['outreach', 'analyze']) : [];
    const p = spawn(process.execPath, [...flags, tsxCli, self, ...childArgs], { stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench step ${childArgs[0]} failed with exit code ${code}`))));
  });
}

async function childGenerate(n: string, seed: string, out: string, truth: string): Promise<void> {
  const { generateCorpus } = await import('../src/outreach/generate/generate-corpus.ts');
  const t0 = performance.now();
  const s = await generateCorpus({ ads: Number(n), seed, out, truth });
  const ms = performance.now() - t0;
  report('outreach.generate', { ads: s.ads, seed, ms: round(ms), adsPerSecond: round(s.ads / (ms / 1000)), bytes: fs.statSync(out).size, adsByKind: s.adsByKind, operators: s.operators });
}

/** The bare JSON round trip (and the same reading through node:readline), saved to `result` for --measure. */
async function childBare(input: string, output: string, result: string): Promise<void> {
  const bytes = fs.statSync(input).size;
  const bare = await bareRoundTrip(input, output);
  const readlineMs = await readlineOnly(input);
  fs.rmSync(output, { force: true });
  report('outreach.io', { bytes, lines: bare.lines, chunkedReadParseMs: round(bare.readMs), readlineReadParseMs: round(readlineMs), bareRoundTripMs: round(bare.ms) });
  fs.writeFileSync(result, JSON.stringify(bare));
}

async function childMeasure(input: string, truth: string, bareResult: string, output: string, workers: number | undefined, corpus: string): Promise<void> {
  const bytes = fs.statSync(input).size;
  const bare = JSON.parse(fs.readFileSync(bareResult, 'utf8')) as { ms: number };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let summary: AnalysisSummary;
  try {
    summary = await runAnalysis({ input, output, workers });
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const quality = await evaluateFiles(output, truth);

  const n = summary.ads;
  const adsPerSecond = n / (ms / 1000);
  // Threads that analysed: the workers, plus this one when it helped (or when it did all the work).
  const cores = Math.max(1, summary.workers + (summary.pool?.mainThreadHelped ? 1 : 0));
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMB = Math.max(peakRss, maxRss) / MB;
  const ratio = ms / bare.ms;
  const result = {
    ads: n,
    corpus,
    bytes,
    mode: workers === undefined ? 'auto' : String(workers),
    workers: summary.workers,
    ms: round(ms),
    phasesMs: Object.fromEntries(Object.entries(summary.phasesMs).map(([k, v]) => [k, round(v)])),
    memoryMBAtPhaseEnd: summary.memoryMB,
    pool: summary.pool && Object.fromEntries(Object.entries(summary.pool).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    adsPerSecond: round(adsPerSecond),
    coresUsed: cores,
    adsPerSecondPerCore: round(adsPerSecond / cores),
    cpuSeconds: round(cpuSeconds, 1),
    // Other work on the machine slows the wall clock (and the pool most): the 1-minute load average at the end.
    loadAverage: round(os.loadavg()[0]!, 2),
    adsPerCpuSecond: round(n / cpuSeconds),
    bareJsonMs: round(bare.ms),
    ratioToBareJson: round(ratio, 2),
    peakRssMB: round(peakRss / MB),
    maxRssMB: round(maxRss / MB),
    clusters: quality.clusters,
    largestCluster: quality.largestCluster,
    trueOperators: quality.trueOperators,
    precision: round(quality.pairwise.precision, 4),
    recall: round(quality.pairwise.recall, 4),
    f1: round(quality.pairwise.f1, 4),
    ari: round(quality.pairwise.ari, 4),
    top30Precision: quality.top30.precision === null ? null : round(quality.top30.precision, 3),
    auc: quality.auc === null ? null : round(quality.auc, 4),
    obfuscatedPhoneRecall: quality.obfuscatedPhoneRecall === null ? null : round(quality.obfuscatedPhoneRecall, 4),
    obfuscatedPhones: quality.obfuscatedPhones,
  };
  report('outreach.analyze', result);
  const pass = (ok: boolean) => (ok ? 'pass' : 'fail');
  report('outreach.targets', {
    ads: n,
    corpus,
    mode: result.mode,
    adsPerSecondPerCore: { target: `>= ${TARGETS.adsPerSecondPerCore}`, value: result.adsPerSecondPerCore, result: pass(result.adsPerSecondPerCore >= TARGETS.adsPerSecondPerCore) },
    ratioToBareJson: { target: `<= ${TARGETS.ratioToBareJson}`, value: result.ratioToBareJson, result: pass(ratio <= TARGETS.ratioToBareJson) },
    peakMemoryMB: {
      target: `< ${TARGETS.peakMemoryMBAt1M} at 1,000,000 ads`,
      value: round(peakMB),
      result: n >= 1_000_000 ? pass(peakMB < TARGETS.peakMemoryMBAt1M) : `n/a below 1,000,000 ads (scaled: ${round((peakMB * 1_000_000) / Math.max(1, n))} MB)`,
    },
    f1: { target: `>= ${TARGETS.f1}`, value: result.f1, result: pass(quality.pairwise.f1 >= TARGETS.f1) },
    auc: { target: `>= ${TARGETS.auc}`, value: result.auc, result: pass((quality.auc ?? 0) >= TARGETS.auc) },
    obfuscatedPhoneRecall: { target: `>= ${TARGETS.obfuscatedPhoneRecall}`, value: result.obfuscatedPhoneRecall, result: pass((quality.obfuscatedPhoneRecall ?? 0) >= TARGETS.obfuscatedPhoneRecall) },
    top30Precision: { target: 'reported (no target)', value: result.top30Precision },
    ari: { target: 'reported (no target)', value: result.ari },
  });
}

/** The floor: read every line, JSON.parse it, JSON.stringify it, write it. Same reader and writer as analyze. */
async function bareRoundTrip(input: string, output: string): Promise<{ ms: number; readMs: number; lines: number }> {
  let t0 = performance.now();
  let lines = 0;
  for await (const b of readLineBatches(input)) for (const l of b.lines) if (l) lines += JSON.parse(l) ? 1 : 0;
  const readMs = performance.now() - t0;
  t0 = performance.now();
  const out = await JsonlWriter.open(output);
  for await (const b of readLineBatches(input)) {
    for (const l of b.lines) {
      if (!l) continue;
      const flushed = out.writeLine(JSON.stringify(JSON.parse(l)));
      if (flushed) await flushed;
    }
  }
  await out.close();
  return { ms: performance.now() - t0, readMs, lines };
}

/** The same read and parse through node:readline, to justify the chunked reader. */
async function readlineOnly(input: string): Promise<number> {
  const t0 = performance.now();
  const rl = readline.createInterface({ input: fs.createReadStream(input, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const l of rl) if (l) n += JSON.parse(l) ? 1 : 0;
  return performance.now() - t0;
}
