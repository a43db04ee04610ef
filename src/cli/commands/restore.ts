import path from 'node:path';
import type { Command } from 'commander';
import type { OpenedServices } from '../../app-services.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { restoreBackup } from '../../backup/restore-backup.ts';
import { progressBar } from '../progress.ts';
import { report, runWithServices } from './cli-support.ts';

/** `baken restore FILE` */
export function register(program: Command, open: () => Promise<OpenedServices>): void {
  program
    .command('restore')
    .description('Restore a backup into a new, empty installation (the key file of the original installation must be in place).')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      // A refused restore is NOT audited: an audit entry would make the empty target non-empty and
      // block the very restore the operator is trying to get right.
      await runWithServices('restore', open, async (services, ctx) => {
        // Two bars: first the whole file is verified (in bytes), then rows and files are restored.
        const verifying = progressBar('verify');
        const restoring = progressBar('restore');
        let verified = false;
        const onProgress = (p: { step: string; done: number; total: number }) => {
          if (p.step === 'verify') return report(verifying)(p);
          if (!verified) verifying.stop();
          verified = true;
          report(restoring)(p);
        };
        let summary;
        try {
          summary = await restoreBackup(services, path.resolve(file), { onProgress });
        } finally {
          if (!verified) verifying.stop();
          restoring.stop();
        }
        await recordAudit(ctx, {
          action: 'backup.restore',
          resourceType: 'backup',
          purpose: 'continuity',
          details: { file: path.resolve(file), backupCreatedAt: summary.createdAt, rows: summary.rows, files: summary.files },
        });
        return `Restored the backup of ${summary.createdAt}: ${summary.rows} rows in ${summary.tables} tables and ${summary.files} files.`;
      });
    });
}
