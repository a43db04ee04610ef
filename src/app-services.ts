import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AppServices } from './context.ts';
import { loadOrCreateKeyring } from './crypto/keyring.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest, type MigrationReport } from './db/migrate.ts';
import { createLogger } from './logger.ts';

export type OpenedServices = AppServices & { database: Database; migration: MigrationReport };

/** Opens the database (migrating it), the keyring and the logger: what every entry point needs. */
export async function openServices(
  config: Config,
  opts: { clock?: Clock; logger?: Logger; migrate?: boolean } = {},
): Promise<OpenedServices> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const keyring = loadOrCreateKeyring(config.keyFile);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) => logger.warn({ err: err.message }, 'an idle database connection was closed by the server'),
  });
  const migration = opts.migrate === false ? { applied: [], wasEmpty: false } : await migrateToLatest(database.db);
  return { db: database.db, database, migration, keyring, config, logger, clock: opts.clock ?? systemClock };
}
