import { openServices, type OpenedServices } from '../app-services.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

/** Opens config, database (migrated) and keyring for a CLI command; logs go to stderr. */
export async function openForCli(): Promise<OpenedServices> {
  const config = loadConfig();
  return openServices(config, { logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr as never) });
}

/** Runs a command body, turning expected failures into a one-line message and exit code 1. */
export async function runCommand(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else process.stderr.write(`baken: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
