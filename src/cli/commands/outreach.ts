import path from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { runAnalysis, type AnalysisProgress, type AnalysisSummary } from '../../outreach/run-analysis.ts';
import type { OpenedServices } from '../../app-services.ts';
import type { PresentedImport } from '../../outreach-work/import/present-import.ts';
import { progressBar } from '../progress.ts';
import { formatBytes, messageOf, runWithServices } from './cli-support.ts';

const SHOWN_MALFORMED = 20;

/**
 * `baken outreach analyze|generate|evaluate`: the outreach engine on files, no database;
 * `baken outreach import|purge`: the ads in the database (the same operations as the web app and jobs).
 * Each sub-command loads what only it needs when it runs (analyze starts without the database layer).
 */
export function register(program: Command, open: () => Promise<OpenedServices>): void {
  const outreach = program.command('outreach').description('Online outreach: analyse, group and rank sex-work ads (JSON Lines, see docs/ad-format.md); import them into the database and purge old ones');

  outreach
    .command('analyze')
    .description('Analyse ads (one JSON object per line), group them by likely operator and rank them; writes one result line per ad')
    .argument('<in>', 'input file: JSON Lines ads')
    .requiredOption('--out <file>', 'output file: JSON Lines results')
    .option('--workers <n>', 'worker threads for per-ad analysis (0 = none; default: for inputs over 32 MiB one per core that other processes leave idle)', parseCount)
    .action(async (input: string, opts: { out: string; workers?: number }) => {
      const progress = progressReporter();
      let summary: AnalysisSummary;
      try {
        summary = await runAnalysis({
          input: path.resolve(input),
          output: path.resolve(opts.out),
          workers: opts.workers,
          onProgress: progress.update,
        });
      } catch (e) {
        progress.stop();
        const err = e as NodeJS.ErrnoException;
        const what = err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR' ? `cannot read or write: ${err.message}` : messageOf(e);
        process.stderr.write(`baken outreach analyze: ${what}\n`);
        process.exitCode = 1;
        return;
      }
      progress.stop();
      process.stderr.write(formatSummary(summary));
    });

  outreach
    .command('generate')
    .description('Write a synthetic ad corpus with its ground truth (independents, agencies, exploitative networks), deterministic by seed')
    .requiredOption('--ads <n>', 'number of ads', parseCount)
    .option('--seed <s>', 'seed (any text)', '1')
    .requiredOption('--out <file>', 'ads file to write (JSON Lines)')
    .requiredOption('--truth <file>', 'truth file to write (JSON Lines, one line per ad)')
    .action(async (opts: { ads: number; seed: string; out: string; truth: string }) => {
      try {
        const { generateCorpus } = await import('../../outreach/generate/generate-corpus.ts');
        const s = await generateCorpus({ ads: opts.ads, seed: opts.seed, out: path.resolve(opts.out), truth: path.resolve(opts.truth) });
        process.stderr.write(
          `Generated ${s.ads} ads (seed ${opts.seed}): ${s.adsByKind.independent} from ${s.operators.independent} independent advertisers, ` +
            `${s.adsByKind.agency} from ${s.operators.agency} agencies, ${s.adsByKind.network} from ${s.operators.network} exploitative networks; ` +
            `${s.obfuscatedAds} ads with an obfuscated number.\nAds: ${s.out}\nTruth: ${s.truth}\n`,
        );
      } catch (e) {
        process.stderr.write(`baken outreach generate: ${messageOf(e)}\n`);
        process.exitCode = 1;
      }
    });

  outreach
    .command('evaluate')
    .description('Score an analysis output against a truth file: pairwise precision/recall/F1, ARI, top-30 precision, AUC, obfuscated-phone recall (JSON on stdout)')
    .argument('<results>', 'output of `baken outreach analyze`')
    .requiredOption('--truth <file>', 'truth file of `baken outreach generate`')
    .action(async (results: string, opts: { truth: string }) => {
      try {
        const { evaluateFiles } = await import('../../outreach/metrics/evaluate.ts');
        process.stdout.write(`${JSON.stringify(await evaluateFiles(path.resolve(results), path.resolve(opts.truth)), null, 2)}\n`);
      } catch (e) {
        process.stderr.write(`baken outreach evaluate: ${messageOf(e)}\n`);
        process.exitCode = 1;
      }
    });

  outreach
    .command('import')
    .description('Import ads (JSON Lines, docs/ad-format.md) into the database: idempotent by source and id, edits keep their history, new ads join clusters')
    .argument('<file>', 'input file: JSON Lines ads')
    .option('--json', 'print the import run as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await runWithServices('outreach import', open, async (_services, ctx) => {
        const bar = progressBar('Importing');
        let run: PresentedImport;
        try {
          const { importFile } = await import('../../outreach-work/import/import-file.ts');
          run = await importFile(ctx, { file, onProgress: (c, total) => bar.update(c.processedBytes, total) });
        } finally {
          bar.stop();
        }
        return opts.json ? JSON.stringify(run, null, 2) : formatImport(run);
      });
    });

  outreach
    .command('purge')
    .description('Delete ads of people never contacted once the retention period (BAKEN_OUTREACH_RETENTION_DAYS) has passed; opt-outs are kept')
    .option('--dry-run', 'change nothing; count what a real run would delete')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      await runWithServices(
        'outreach purge',
        open,
        async (_services, ctx) => {
          const { purgeAds } = await import('../../outreach-work/import/purge-ads.ts');
          const r = await purgeAds(ctx, { dryRun: Boolean(opts.dryRun) });
          if (opts.json) return JSON.stringify(r, null, 2);
          const verb = r.dryRun ? 'Dry run (nothing changed): would delete' : 'Deleted';
          return `${verb} ${r.clusters} cluster(s), ${r.ads} ad(s) and ${r.versions} ad version(s) last seen before ${r.cutoff} (retention ${r.retentionDays} days) of people never contacted.`;
        },
        { action: 'outreach-ad.purge', resourceType: 'outreach-ad', purpose: 'retention' },
      );
    });
}

export function formatImport(r: PresentedImport): string {
  const lines = [
    `Import ${r.id} ${r.status}: ${r.fileName ?? ''} (${formatBytes(r.totalBytes)}, ${r.lines} lines)`,
    `  ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged; ${r.clustersTouched} cluster update(s); ${r.malformed} malformed line(s) skipped`,
  ];
  for (const p of r.problems.slice(0, SHOWN_MALFORMED)) lines.push(`  line ${p.line}: ${p.message}`);
  if (r.malformed > Math.min(r.problems.length, SHOWN_MALFORMED)) lines.push(`  ... and ${r.malformed - Math.min(r.problems.length, SHOWN_MALFORMED)} more`);
  if (r.error) lines.push(`  error: ${r.error}`);
  return lines.join('\n');
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number >= 0, got "${v}"`);
  return n;
}

const PHASE_LABEL: Record<AnalysisProgress['phase'], string> = { analyze: 'reading and analysing', cluster: 'clustering', score: 'scoring', write: 'writing' };

/** A bar on a terminal; elsewhere (logs, CI) one plain line per phase and at most one every 2 seconds. */
function progressReporter() {
  const tty = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {ads} ads | {duration_formatted}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase = '';
  let lastLine = 0;
  return {
    update(p: AnalysisProgress) {
      const label = PHASE_LABEL[p.phase];
      if (tty) {
        if (!started) {
          bar.start(p.total || 1, p.done, { phase: label, ads: p.ads });
          started = true;
        }
        if (label !== phase) bar.setTotal(p.total || 1);
        bar.update(p.done, { phase: label, ads: p.ads });
        phase = label;
        return;
      }
      const now = Date.now();
      if (label === phase && now - lastLine < 2000) return;
      phase = label;
      lastLine = now;
      const pct = p.total ? Math.floor((100 * p.done) / p.total) : 100;
      process.stderr.write(`${label}: ${pct}% (${p.ads} ads)\n`);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function formatSummary(s: AnalysisSummary): string {
  const lines: string[] = [];
  lines.push(`Analysed ${s.ads} ads from ${s.input} in ${seconds(s.totalMs)} (${s.workers ? `${s.workers} worker thread${s.workers > 1 ? 's' : ''}${s.pool?.mainThreadHelped ? ' and the main thread' : ''}` : 'one thread'}); results in ${s.output}`);
  if (s.malformed) {
    lines.push(`Skipped ${s.malformed} malformed line${s.malformed === 1 ? '' : 's'}:`);
    for (const m of s.malformedLines.slice(0, SHOWN_MALFORMED)) lines.push(`  line ${m.line}: ${m.problem}`);
    if (s.malformed > SHOWN_MALFORMED) lines.push(`  ... and ${s.malformed - SHOWN_MALFORMED} more`);
  }
  const { hashed, failed, problems } = s.photos;
  if (hashed + failed > 0) {
    lines.push(`Photos from files: ${hashed} hashed${failed ? `, ${failed} not usable (those ads were analysed without them):` : ''}`);
    for (const p of problems.slice(0, SHOWN_MALFORMED)) lines.push(`  line ${p.line}: ${p.path}: ${p.problem}`);
    if (failed > SHOWN_MALFORMED) lines.push(`  ... and ${failed - SHOWN_MALFORMED} more`);
  }
  lines.push(`Clusters: ${s.clusters} (${s.multiAdClusters} with two or more ads; largest ${s.largestCluster} ads)`);
  if (s.topClusters.length) {
    lines.push('Highest-scoring clusters:');
    s.topClusters.forEach((c, i) => {
      const reasons = c.reasons
        .slice(0, 4)
        .map((r) => r.code)
        .join(', ');
      lines.push(
        `  ${i + 1}. ${c.clusterId}  score ${c.score.toFixed(2)}  ${c.size} ads, ${c.personas} personas, ${c.phones} phones, ` +
          `${c.cities.length} cities${reasons ? `  [${reasons}]` : ''}`,
      );
    });
  }
  const p = s.phasesMs;
  lines.push(`Time: read+analyse ${seconds(p.analyze)}, cluster ${seconds(p.cluster)}, score ${seconds(p.score)}, write ${seconds(p.write)}`);
  return `${lines.join('\n')}\n`;
}
