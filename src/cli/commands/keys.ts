import type { Command } from 'commander';
import type { OpenedServices } from '../../app-services.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { rotateKeys } from '../../crypto/rotate-keys.ts';
import { progressBar } from '../progress.ts';
import { report, runWithServices } from './cli-support.ts';

/** `baken keys rotate` */
export function register(program: Command, open: () => Promise<OpenedServices>): void {
  const keys = program.command('keys').description('Manage the encryption keys');
  keys
    .command('rotate')
    .description('Add a new active key and re-wrap every encrypted value and stored file with it. Old keys stay in the key file.')
    .action(async () => {
      await runWithServices(
        'keys rotate',
        open,
        async (services, ctx) => {
          const bar = progressBar('keys rotate');
          let result;
          try {
            result = await rotateKeys(services, { onProgress: report(bar) });
          } finally {
            bar.stop();
          }
          const values = result.columns.reduce((n, c) => n + c.rewrapped, 0);
          const failed = [...result.columns.flatMap((c) => c.failed.map((id) => `${c.table}.${c.column}:${id}`)), ...result.files.failed.map((id) => `file:${id}`)];
          // Key ids are not secret; they say which key protects what.
          await recordAudit(ctx, {
            action: 'keys.rotate',
            resourceType: 'keyring',
            resourceId: result.keyId,
            purpose: 'security',
            outcome: failed.length > 0 ? 'failed' : 'ok',
            details: { previousKeyId: result.previousKeyId, values, files: result.files.rewrapped, failed },
          });
          const line =
            `New active key ${result.keyId}: re-wrapped ${values} values and ${result.files.rewrapped} files ` +
            `(already current: ${result.columns.reduce((n, c) => n + c.current, 0)} values, ${result.files.current} files). ` +
            'Restart running Baken instances so that they load the new key, and back up the key file now.';
          if (failed.length > 0) {
            // Already audited as failed above; report without throwing so it is not audited twice.
            process.stderr.write(`baken keys rotate: could not re-wrap ${failed.length} item(s), which stay under their old key: ${failed.join(', ')}\n`);
            process.exitCode = 1;
          }
          return line;
        },
        { action: 'keys.rotate', resourceType: 'keyring', purpose: 'security' },
      );
    });
}
