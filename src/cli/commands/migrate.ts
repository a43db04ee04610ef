import type { Command } from 'commander';
import { openForCli, runCommand } from '../open.ts';

export function register(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (the app also does this at start)')
    .action(() =>
      runCommand(async () => {
        const services = await openForCli();
        const { applied } = services.migration;
        process.stdout.write(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}\n` : 'The database is up to date.\n');
        await services.database.close();
      }),
    );
}
