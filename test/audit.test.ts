import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record-audit.ts';
import { verifyAuditChain } from '../src/audit/verify-audit-chain.ts';
import { testContext } from './helpers/test-context.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const ctx = testContext(database);
  for (let i = 0; i < 30; i++) {
    ctx.clock.advance(1000);
    await recordAudit(ctx, { action: 'test.write', resourceType: 'thing', resourceId: String(i), purpose: 'testing', details: { i, nested: { b: 1, a: [1, 'x'] } } });
  }
});
afterAll(async () => database.close());

describe('audit trail', () => {
  it('verifies an intact chain', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, entries: 30, problems: [] });
  });

  it('refuses updates, deletes and truncation', async () => {
    await expect(sql`update audit_log set purpose = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 2`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('detects an altered entry and a removed entry once the guard is bypassed', async () => {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(database.db);
    await sql`update audit_log set details = '{"i": 999}'::jsonb where seq = 7`.execute(database.db);
    await sql`delete from audit_log where seq = 12`.execute(database.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(database.db);
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problems.find((p) => p.seq === 7)?.problem).toMatch(/altered/);
    expect(result.problems.some((p) => p.seq === 13 && /missing|link/.test(p.problem))).toBe(true);
    expect(result.problems.every((p) => p.seq === 7 || p.seq === 13)).toBe(true);
  });
});
