/**
 * Measures clusterAds + scoreAds on N synthetic ads (argv[2], default 100000) and prints one JSON line:
 * time, ads/s, heap, cluster statistics, and pairwise precision/recall/F1 and network-ad ROC AUC against
 * the synthetic truth (a sanity check, not the benchmark: `npm run bench` measures the whole engine).
 *   npx tsx src/outreach/cluster/measure-cluster-speed.ts 1000000
 */
import { clusterAds } from './cluster-ads.ts';
import { scoreAds } from './score-ads.ts';
import { syntheticAds } from './synthetic-features.ts';

const n = Number(process.argv[2] ?? 100000);
const mb = (x: number) => Math.round(x / 1048576);
const tGen = performance.now();
const { ads, truth } = syntheticAds(n, 7);
const genMs = performance.now() - tGen;
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

let peakHeap = heapBefore;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const out = clusterAds(ads);
const t1 = performance.now();
const results = scoreAds(ads, out);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

// Pairwise precision/recall against the synthetic operators.
const joint = new Map<number, number>();
const byCluster = new Map<number, number>();
const byTruth = new Map<number, number>();
const T = truth.length + 1;
for (let i = 0; i < ads.length; i++) {
  const c = out.clusterOf[i]!;
  const t = truth[i]!.operator;
  joint.set(c * T + t, (joint.get(c * T + t) ?? 0) + 1);
  byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
  byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
}
const pairs = (m: Map<number, number>) => [...m.values()].reduce((s, x) => s + (x * (x - 1)) / 2, 0);
const tp = pairs(joint);
const precision = tp / Math.max(1, pairs(byCluster));
const recall = tp / Math.max(1, pairs(byTruth));

// ROC AUC of adScore for network ads (Mann-Whitney, ties counted half).
const idx = results.map((_, i) => i).sort((a, b) => results[a]!.adScore - results[b]!.adScore);
let rankSum = 0;
let pos = 0;
for (let i = 0; i < idx.length; ) {
  let j = i;
  while (j < idx.length && results[idx[j]!]!.adScore === results[idx[i]!]!.adScore) j++;
  const rank = (i + j + 1) / 2;
  for (let k = i; k < j; k++) if (truth[idx[k]!]!.kind === 'network') {
    rankSum += rank;
    pos++;
  }
  i = j;
}
const neg = idx.length - pos;
const auc = pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : Number.NaN;

const ms = t2 - t0;
console.log(
  JSON.stringify({
    ads: n,
    generateMs: Math.round(genMs),
    clusterMs: Math.round(t1 - t0),
    scoreMs: Math.round(t2 - t1),
    totalMs: Math.round(ms),
    adsPerSecond: Math.round((n / ms) * 1000),
    // CPU time of this process (user + system): less sensitive to other load on the machine than wall time.
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    adsPerCpuSecond: Math.round(n / ((cpu.user + cpu.system) / 1e6)),
    heapBeforeMb: mb(heapBefore),
    peakHeapMb: mb(peakHeap),
    rssMb: mb(process.memoryUsage().rss),
    stats: out.stats,
    pairwise: { precision: +precision.toFixed(4), recall: +recall.toFixed(4), f1: +((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(4) },
    networkAuc: +auc.toFixed(4),
  }),
);
