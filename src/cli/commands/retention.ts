import type { Command } from 'commander';
import type { OpenedServices } from '../../app-services.ts';
import { runRetention } from '../../retention/run-retention.ts';
import { runWithServices } from './cli-support.ts';

/** `baken retention run [--dry-run]`: the same run as the daily job and the Retention page. */
export function register(program: Command, open: () => Promise<OpenedServices>): void {
  const retention = program.command('retention').description('Deletion and anonymisation when the retention periods of the jurisdiction profile end');
  retention
    .command('run')
    .description('Apply retention now (each case or signal in its own transaction); with --dry-run only report what it would do')
    .option('--dry-run', 'change nothing; report per record type and action what a real run would do')
    .option('--json', 'print the whole report as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      await runWithServices(
        'retention run',
        open,
        async (_services, ctx) => {
          const run = await runRetention(ctx, { dryRun: Boolean(options.dryRun) });
          const report = run.report!;
          if (report.totals.failures > 0) process.exitCode = 1;
          if (options.json) return JSON.stringify(run, null, 2);
          const lines = [`Retention ${report.dryRun ? 'dry run (nothing changed)' : 'run'} ${run.id} as of ${report.asOf}:`];
          if (report.items.length === 0) lines.push('  nothing is due.');
          for (const i of report.items) {
            const refs = i.references.slice(0, 20).join(', ') + (i.references.length > 20 ? `, … (${i.references.length} in all)` : '');
            lines.push(`  ${i.recordType} ${i.action}: ${i.records} record(s) of ${refs}`);
          }
          for (const f of report.failures) lines.push(`  FAILED ${f.kind} ${f.reference}: ${f.error}`);
          for (const r of report.skippedRules) lines.push(`  skipped rule ${r.profile} ${r.recordType}/${r.action}: ${r.why}`);
          return lines.join('\n');
        },
        { action: 'retention.run', resourceType: 'retention', purpose: 'retention' },
      );
    });
}
