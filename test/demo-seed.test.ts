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
    expect([...channels].sort()).toEqual(['anonymous-tip', 'outreach', 'professional', 'self-report']);
    // Outreach: the corpus, approved first messages in eight languages, contacts in every state, an
    // opt-out and a handover linked both ways.
    expect(report.outreachAds).toBe(600);
    const approved = await database.db.selectFrom('outreach_message_templates').select('language').where('status', '=', 'approved').execute();
    expect(approved.map((t) => t.language).sort()).toEqual(['bg', 'en', 'es', 'hu', 'nl', 'pl', 'ro', 'th']);
    const contacts = await database.db.selectFrom('outreach_contacts').select(['id', 'outcome', 'delivery', 'signal_id']).execute();
    expect(new Set(contacts.map((c) => c.outcome ?? `(${c.delivery})`))).toEqual(new Set(['(queued)', 'no-answer', 'replied', 'conversation', 'declined', 'wants-help', 'referred']));
    expect(await database.db.selectFrom('outreach_opt_outs').select('phone_token').execute()).toHaveLength(1);
    const handedOver = contacts.find((c) => c.signal_id !== null)!;
    const signal = await database.db.selectFrom('signals').select(['channel', 'outreach_contact_id', 'legal_basis']).where('id', '=', handedOver.signal_id!).executeTakeFirstOrThrow();
    expect(signal).toEqual({ channel: 'outreach', outreach_contact_id: handedOver.id, legal_basis: 'consent' });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // Seeding twice changes nothing.
    expect((await seedDemo({ db: database.db, keyring: ctx.keyring, config: ctx.config, logger: ctx.logger, clock: ctx.clock })).seeded).toBe(false);
  });
});
