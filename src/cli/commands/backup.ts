import path from 'node:path';
import type { Command } from 'commander';
import type { OpenedServices } from '../../app-services.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createBackup } from '../../backup/create-backup.ts';
import { progressBar } from '../progress.ts';
import { formatBytes, report, runWithServices } from './cli-support.ts';

/** `baken backup --out FILE` */
export function register(program: Command, open: () => Promise<OpenedServices>): void {
  program
    .command('backup')
    .description('Write the database and the stored files to one backup file. The encryption keys are NOT in it: back up the key file separately.')
    .requiredOption('--out <file>', 'the backup file to write (must not exist yet)')
    .action(async (opts: { out: string }) => {
      await runWithServices(
        'backup',
        open,
        async (services, ctx) => {
          const bar = progressBar('backup');
          let summary;
          try {
            summary = await createBackup(services, { out: path.resolve(opts.out), onProgress: report(bar) });
          } finally {
            bar.stop();
          }
          // Recorded after the snapshot, so it is in the next backup rather than in this one.
          await recordAudit(ctx, {
            action: 'backup.create',
            resourceType: 'backup',
            purpose: 'continuity',
            details: { file: summary.file, rows: summary.rows, files: summary.files, bytes: summary.bytes },
          });
          return (
            `Backup written to ${summary.file}: ${summary.rows} rows in ${summary.tables.length} tables, ${summary.files} files, ` +
            `${formatBytes(summary.bytes)}. Keep the key file (${services.config.keyFile}) safe separately: without it the backup cannot be decrypted.`
          );
        },
        { action: 'backup.create', resourceType: 'backup', purpose: 'continuity' },
      );
    });
}
