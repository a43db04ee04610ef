import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from './helpers/cli-database.ts';

let cli: CliDatabase;
const baken = (args: string[], env?: Record<string, string>) => cli.baken(args, env);

beforeAll(async () => {
  cli = await cliDatabase('retention-cli');
});
afterAll(async () => {
  await cli.close();
});

describe('baken retention run', () => {
  it('stores a dry run report and an audit entry under the label "cli"', async () => {
    const dry = await baken(['retention', 'run', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Retention dry run \(nothing changed\) [0-9a-f-]{36} as of .*:\n {2}nothing is due\./);
    const json = await baken(['retention', 'run', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ dryRun: false, startedBy: 'cli', report: { version: 1, dryRun: false, items: [], totals: { records: 0, failures: 0 } } });
    await cli.withDb(async (db) => {
      const runs = await db.db.selectFrom('retention_runs').select(['dry_run', 'actor_label', 'finished_at']).orderBy('started_at').execute();
      expect(runs.map((r) => [r.dry_run, r.actor_label, r.finished_at !== null])).toEqual([[true, 'cli', true], [false, 'cli', true]]);
      const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_label', 'purpose']).where('resource_type', '=', 'retention').orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'retention.dry-run', actor_label: 'cli', purpose: 'retention' },
        { action: 'retention.run', actor_label: 'cli', purpose: 'retention' },
      ]);
    });
  });
});
