import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabase, type CliDatabase } from './helpers/cli-database.ts';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';

let cli: CliDatabase;
let file: string;
const baken = (args: string[], env?: Record<string, string>) => cli.baken(args, env);

beforeAll(async () => {
  cli = await cliDatabase('outreach-cli', 120_000);
  file = path.join(cli.dataDir, 'ads.jsonl');
  await generateCorpus({ ads: 40, seed: 'cli', out: file, truth: path.join(cli.dataDir, 'truth.jsonl') });
  fs.appendFileSync(file, '{"id": 7}\n');
});
afterAll(async () => {
  await cli.close();
});

describe('baken outreach import and purge', () => {
  it('imports a file directly, idempotently, as the system actor "cli"', async () => {
    const first = await baken(['outreach', 'import', file]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Import [0-9a-f-]{36} done: ads\.jsonl \([\d.]+ KiB, 41 lines\)\n {2}40 new, 0 changed, 0 unchanged; \d+ cluster update\(s\); 1 malformed line\(s\) skipped\n {2}line 41: "id" must be a non-empty string\n$/);
    const second = await baken(['outreach', 'import', file, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ channel: 'cli', status: 'done', startedBy: 'cli', lines: 41, created: 0, unchanged: 40, malformed: 1, problems: [{ line: 41, message: '"id" must be a non-empty string' }] });
    const missing = await baken(['outreach', 'import', path.join(cli.dataDir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^baken outreach import: .*nope\.jsonl/);
    await cli.withDb(async (db) => {
      const runs = await db.db.selectFrom('outreach_imports').select(['channel', 'started_by_label', 'status', 'created']).orderBy('created_at').execute();
      expect(runs).toEqual([
        { channel: 'cli', started_by_label: 'cli', status: 'done', created: 40 },
        { channel: 'cli', started_by_label: 'cli', status: 'done', created: 0 },
      ]);
      expect(Number((await db.db.selectFrom('outreach_ads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(40);
    });
  });

  it('hashes photos listed as local files, and keeps a problem without the path for one it cannot use', async () => {
    const photos = path.join(cli.dataDir, 'photos');
    fs.mkdirSync(photos);
    const width = 64;
    const height = 48;
    const pixels = Buffer.alloc(width * height * 3, 0).map((_, i) => (i * 7) % 251);
    await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toFile(path.join(photos, 'anna.png'));
    const ad = (id: string, image: string) => JSON.stringify({ id, source: 'photo-test', title: 'Nieuw', body: 'Lieve meid, bel 0612345678', country: 'NL', images: [image] });
    const input = path.join(cli.dataDir, 'with-photos.jsonl');
    fs.writeFileSync(input, `${ad('with', 'photos/anna.png')}\n${ad('without', 'photos/lost-anna.jpg')}\n`);
    const r = await baken(['outreach', 'import', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 new, 0 changed, 0 unchanged');
    expect(r.stdout).toContain('line 2: a listed photo was not used: no such file');
    expect(r.stdout).not.toContain('lost-anna');
    await cli.withDb(async (db) => {
      const keys = await db.db
        .selectFrom('outreach_ad_keys as k')
        .innerJoin('outreach_ads as a', 'a.id', 'k.ad_id')
        .select(['a.external_id', (eb) => eb.fn.countAll().as('n')])
        .where('a.source', '=', 'photo-test')
        .groupBy('a.external_id')
        .orderBy('a.external_id')
        .execute();
      // the same ad but for its photo: four more keys (the photo hash's bands)
      expect(keys.map((k) => [k.external_id, Number(k.n)])).toEqual([
        ['with', Number(keys.find((k) => k.external_id === 'without')!.n) + 4],
        ['without', Number(keys.find((k) => k.external_id === 'without')!.n)],
      ]);
    });
  });

  it('purges nothing that is still within the retention period', async () => {
    const dry = await baken(['outreach', 'purge', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run \(nothing changed\): would delete 0 cluster\(s\), 0 ad\(s\) and 0 ad version\(s\) last seen before \S+ \(retention 90 days\)/);
    const real = await baken(['outreach', 'purge', '--json']);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, clusters: 0, ads: 0, versions: 0, retentionDays: 90 });
    await cli.withDb(async (db) => {
      const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', 'like', 'outreach-ad.purge%').orderBy('seq').execute();
      expect(audit).toEqual([{ action: 'outreach-ad.purge-dry-run', actor_label: 'cli' }, { action: 'outreach-ad.purge', actor_label: 'cli' }]);
    });
  });
});
