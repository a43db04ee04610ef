import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/verify-audit-chain.ts';
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

describe('demo data', () => {
  it('holds signals, cases and referrals in every state, made through the real operations', async () => {
    const { ctx } = t;
    const report = await seedDemo({ db: database.db, keyring: ctx.keyring, config: ctx.config, logger: ctx.logger, clock: ctx.clock });
    expect(report.seeded).toBe(true);
    const statuses = async (table: 'signals' | 'referrals' | 'cases') =>
      new Set((await database.db.selectFrom(table).select('status').execute()).map((r) => r.status));
    expect([...(await statuses('signals'))].sort()).toEqual(['advice-only', 'merged', 'no-indication', 'open', 'registered']);
    expect([...(await statuses('referrals'))].sort()).toEqual(['accepted', 'completed', 'declined', 'requested', 'revoked']);
    const dossiers = new Set((await database.db.selectFrom('cases').select('dossier_type').execute()).map((r) => r.dossier_type));
    expect(dossiers.size).toBe(3);
    const withdrawn = await database.db.selectFrom('consents').select('id').where('withdrawn_at', 'is not', null).execute();
    expect(withdrawn.length).toBeGreaterThan(0);
    const channels = new Set((await database.db.selectFrom('signals').select('channel').execute()).map((r) => r.channel));
    expect([...channels].sort()).toEqual(['anonymous-tip', 'professional', 'self-report']);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // Seeding twice changes nothing.
    expect((await seedDemo({ db: database.db, keyring: ctx.keyring, config: ctx.config, logger: ctx.logger, clock: ctx.clock })).seeded).toBe(false);
  });
});
