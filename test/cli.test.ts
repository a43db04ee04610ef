import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from './helpers/cli-database.ts';
import { recordAudit } from '../src/audit/record-audit.ts';
import { testContext } from './helpers/test-context.ts';

let cli: CliDatabase;
const baken = (args: string[], env?: Record<string, string>) => cli.baken(args, env);

beforeAll(async () => {
  cli = await cliDatabase('cli');
  await cli.withDb(async (db) => {
    const ctx = testContext({ ...cli.database, ...db });
    for (let i = 0; i < 5; i++) await recordAudit(ctx, { action: 'cli-test.write', resourceType: 'thing', resourceId: String(i) });
  });
});
afterAll(async () => {
  await cli.close();
});

describe('baken CLI', () => {
  it('lists its commands', async () => {
    const { code, stdout } = await baken(['--help']);
    expect(code).toBe(0);
    for (const c of ['serve', 'migrate', 'demo', 'user', 'backup', 'restore', 'keys', 'audit']) expect(stdout).toContain(c);
  });

  it('reports bad configuration with every problem and exit code 1', async () => {
    const { code, stderr } = await baken(['migrate'], { PORT: 'x', BAKEN_REQUIRE_2FA: 'maybe' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('BAKEN_REQUIRE_2FA');
  });

  it('verifies the audit chain and fails once an entry is altered', async () => {
    const ok = await baken(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK: \d+ audit entries/);
    await cli.withDb(async ({ db }) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
      await sql`update audit_log set resource_id = 'changed' where seq = 3`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    });
    const broken = await baken(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('entry 3: content was altered');
  });

  it('creates a user and its organisation, and refuses a duplicate', async () => {
    const first = await baken(['user', 'create', '--email', 'boot@test.example', '--name', 'Boot Admin', '--role', 'administrator', '--organisation', 'CLI Org', '--organisation-type', 'registrar']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Initial password \(shown once\): \S{16,}/);
    const again = await baken(['user', 'create', '--email', 'boot@test.example', '--name', 'Boot Admin', '--role', 'administrator', '--organisation', 'CLI Org']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const count = await cli.withDb(async ({ db }) => db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('email', '=', 'boot@test.example').executeTakeFirstOrThrow());
    expect(Number(count.n)).toBe(1);
  });
});
