import { Command } from 'commander';
import { openForCli } from './open.ts';
import * as audit from './commands/audit.ts';
import * as backup from './commands/backup.ts';
import * as keys from './commands/keys.ts';
import * as restore from './commands/restore.ts';
import * as retention from './commands/retention.ts';
import * as demo from './commands/demo.ts';
import * as migrate from './commands/migrate.ts';
import * as outreach from './commands/outreach.ts';
import * as serve from './commands/serve.ts';
import * as user from './commands/user.ts';

/**
 * The `baken` command. Each sub-command lives in ./commands and calls the same operations as the
 * HTTP routes and jobs. Configuration comes from the environment (see README: Configuration).
 */
const program = new Command('baken')
  .description('Baken: national referral mechanism for victims of human trafficking, with online outreach')
  .version('0.1.0')
  .showHelpAfterError();

for (const command of [serve, migrate, demo, user]) command.register(program);
for (const command of [backup, restore, keys, retention, outreach]) command.register(program, openForCli);
audit.register(program);

await program.parseAsync(process.argv);
