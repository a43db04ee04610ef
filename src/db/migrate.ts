import { Migrator, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';

export type MigrationReport = { applied: string[]; wasEmpty: boolean };

/** Applies every pending migration. Safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationReport> {
  const wasEmpty = !(await hasTable(db, 'organisations'));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), wasEmpty };
}

async function hasTable(db: Kysely<DB>, name: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === name && t.schema === 'public');
}
