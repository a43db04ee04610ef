import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('demo data for data-subject rights', () => {
  it('has one correction and one retention dry run that changed nothing', async () => {
    const { ctx } = t;
    await seedDemo({ db: database.db, keyring: ctx.keyring, config: ctx.config, logger: ctx.logger, clock: ctx.clock });
    const corrections = await database.db.selectFrom('case_corrections').select(['field', 'reason', 'corrected_by_user_id']).execute();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ field: 'name', reason: expect.stringContaining('passport') });
    expect(corrections[0]!.corrected_by_user_id).not.toBeNull();
    const runs = await database.db.selectFrom('retention_runs').select(['dry_run', 'report', 'finished_at']).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ dry_run: true, report: { version: 1, dryRun: true } });
    expect(await database.db.selectFrom('cases').select('id').where('anonymised_at', 'is not', null).execute()).toEqual([]);
  });
});
