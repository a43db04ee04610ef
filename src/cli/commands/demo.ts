import type { Command } from 'commander';
import { seedDemo } from '../../demo/seed-demo.ts';
import { DEMO_TOTP_SECRET } from '../../demo/demo-directory.ts';
import { totpCode } from '../../identity/totp.ts';
import { openForCli, runCommand } from '../open.ts';

export function register(program: Command) {
  const demo = program.command('demo').description('load the demo data set (organisations, one user per role); never done automatically on PostgreSQL')
    .action(() =>
      runCommand(async () => {
        const services = await openForCli();
        const report = await seedDemo(services);
        process.stdout.write(report.seeded ? `Demo data loaded: ${report.organisations} organisations, ${report.users} users.\n` : 'The demo data is already there.\n');
        await services.database.close();
      }),
    );
  demo
    .command('code')
    .description('print the current second-factor code of the demo accounts (demo secret only)')
    .action(() => {
      process.stdout.write(`${totpCode(DEMO_TOTP_SECRET, new Date())}\n`);
    });
}
