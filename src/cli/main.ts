import { Command } from 'commander';
import type { OpenedServices } from '../app-services.ts';

/**
 * The `baken` command. Each sub-command lives in ./commands and calls the same operations as the
 * HTTP routes and jobs. Configuration comes from the environment (see README: Configuration).
 *
 * Only the module of the command asked for is loaded (all of them for help or an unknown command):
 * loading every command's module - the web server, the database, the demo data - cost about a second
 * before `outreach analyze` read its first ad.
 */
type Module = { register: (program: Command, open: () => Promise<OpenedServices>) => void };

const COMMANDS: Record<string, () => Promise<Module>> = {
  serve: () => import('./commands/serve.ts'),
  migrate: () => import('./commands/migrate.ts'),
  demo: () => import('./commands/demo.ts'),
  user: () => import('./commands/user.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
  keys: () => import('./commands/keys.ts'),
  retention: () => import('./commands/retention.ts'),
  outreach: () => import('./commands/outreach.ts'),
  audit: () => import('./commands/audit.ts'),
};

/** Opens the configured services, loading the database layer only when a command needs it. */
const open = async (): Promise<OpenedServices> => (await import('./open.ts')).openForCli();

const program = new Command('baken')
  .description('Baken: national referral mechanism for victims of human trafficking, with online outreach')
  .version('0.1.0')
  .showHelpAfterError();

const asked = process.argv[2];
const load = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [COMMANDS[asked]!] : Object.values(COMMANDS);
for (const module of await Promise.all(load.map((l) => l()))) module.register(program, open);

await program.parseAsync(process.argv);
