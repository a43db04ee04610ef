import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RepostIndex } from '../src/outreach/repost-index.ts';
import { memoKey } from '../src/outreach/repost-memo.ts';
import { runAnalysis } from '../src/outreach/run-analysis.ts';
import type { AdRecord } from '../src/outreach/types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-reposts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const everyAdAnalysed = new URL('./fixtures/outreach/engine-analyzer.ts', import.meta.url).href;

const BODIES = [
  'Hoi, ik ben Anna, 22 jaar. Bel 06-12345678. Nieuw in Amsterdam! 100% echte foto’s. Alleen deze week.',
  'New girl Jade in town, call me 0 6 1 2 3 4 5 6 7 9, 24/7, only this week, young and new',
  'Fată nouă în oraș, sună-mă la nul șase unu doi trei patru cinci șase șapte opt',
  'สวัสดีค่ะ ฉันชื่อ Mia อายุ 19 ปี โทร 0612345670 ไลน์ mia_99',
  'Massage relax, email anna99@gmail.com, telegram @anna_x, 50 euro per uur',
];

/** Ad variants, then a stream of (re)posts of them: some exact reposts, some differing in one analysed field. */
const variant = fc.record({
  body: fc.integer({ min: 0, max: BODIES.length - 1 }),
  city: fc.constantFrom('Amsterdam', 'Utrecht', undefined),
  country: fc.constantFrom('NL', 'BE', undefined),
  phones: fc.constantFrom(undefined, ['+31612345678'], ['nul zes 1234 5678'], [], ['+31612345678', '+31687654321']),
  emails: fc.constantFrom(undefined, ['Jade@example.com']),
  age: fc.constantFrom(undefined, 21, 30),
});
const stream = fc
  .array(variant, { minLength: 1, maxLength: 6 })
  .chain((variants) =>
    fc.array(
      fc.record({
        v: fc.integer({ min: 0, max: variants.length - 1 }),
        photo: fc.constantFrom(undefined, ['0123456789abcdef'], ['ffffffff00000000', '0123456789abcdef'], ['0123456789abcdee']),
        day: fc.integer({ min: 1, max: 28 }),
        source: fc.constantFrom('a.example', 'b.example'),
      }),
      { minLength: 2, maxLength: 60 },
    ).map((xs) => xs.map((x) => ({ ...variants[x.v]!, photo: x.photo, day: x.day, source: x.source }))),
  );

type Post = { body: number; city?: string; country?: string; phones?: readonly string[]; emails?: readonly string[]; age?: number; photo?: readonly string[]; day: number; source: string };

function record(x: Post, i: number): AdRecord {
  const r: AdRecord = { id: `ad-${i}`, source: x.source, title: 'Nieuw', body: BODIES[x.body]!, postedAt: `2025-02-${String(x.day).padStart(2, '0')}T10:00:00Z` };
  if (x.city) r.city = x.city;
  if (x.country) r.country = x.country;
  if (x.phones) r.phones = [...x.phones];
  if (x.emails) r.emails = [...x.emails];
  if (x.age !== undefined) r.age = x.age;
  if (x.photo) r.imageHashes = [...x.photo];
  return r;
}

let run = 0;
async function analyse(records: AdRecord[], analyzer?: string): Promise<string> {
  const input = path.join(dir, `in-${run}.jsonl`);
  const output = path.join(dir, `out-${run++}.jsonl`);
  fs.writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n'));
  await runAnalysis({ input, output, workers: 0, ...(analyzer ? { analyzer } : {}) });
  return fs.readFileSync(output, 'utf8');
}

describe('repost index', () => {
  it('finds an earlier ad exactly when memoKey says the analysed fields are equal (property)', () => {
    fc.assert(
      fc.property(stream, (posts) => {
        const index = new RepostIndex(4);
        const firstByKey = new Map<string, number>();
        posts.forEach((p, i) => {
          const r = record(p, i);
          const key = memoKey(r);
          const found = index.find(r);
          expect(found).toBe(firstByKey.get(key) ?? -1);
          if (found < 0) {
            index.add(i);
            firstByKey.set(key, i);
          }
        });
        expect(index.size).toBe(firstByKey.size);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart what memoKey tells apart: a number from its text, list boundaries, each field', () => {
    const index = new RepostIndex();
    const base: AdRecord = { id: '1', source: 's', title: 'Hi', body: 'Bel 0612345678' };
    const variants: AdRecord[] = [
      base,
      { ...base, age: 21 },
      { ...base, age: '21' as unknown as number },
      { ...base, phones: ['ab', 'c'] },
      { ...base, phones: ['a', 'bc'] },
      { ...base, emails: ['ab', 'c'] },
      { ...base, title: 'Hi B', body: 'el 0612345678' },
      { ...base, city: 'Utrecht' },
      { ...base, country: 'NL' },
    ];
    variants.forEach((r, i) => {
      expect(index.find(r)).toBe(-1);
      index.add(i);
    });
    // What the analysis takes over as it is (id, source, url, date, photos) does not count.
    expect(index.find({ ...base, id: '2', source: 't', url: 'u', postedAt: '2025-02-02T00:00:00Z', imageHashes: ['0123456789abcdef'] })).toBe(0);
    expect(index.find({ ...base, age: 21, id: 'x' })).toBe(1);
    // As memoKey: no list is an empty list, and items that are not strings are not read.
    expect(index.find({ ...base, phones: [] })).toBe(0);
    expect(index.find({ ...base, phones: ['ab', 7 as unknown as string, 'c'] })).toBe(3);
  });

  it('gives the same output, byte for byte, as analysing every ad (property, end to end)', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (posts) => {
        const records = posts.map(record);
        expect(await analyse(records)).toBe(await analyse(records, everyAdAnalysed));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same output as analysing every ad on a generated corpus with far-apart reposts', async () => {
    const { generateCorpus } = await import('../src/outreach/generate/generate-corpus.ts');
    const ads = path.join(dir, 'generated.jsonl');
    await generateCorpus({ ads: 3000, seed: 'reposts', out: ads, truth: path.join(dir, 'truth.jsonl') });
    const records = fs.readFileSync(ads, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AdRecord);
    const keys = new Set(records.map(memoKey));
    expect(records.length - keys.size).toBeGreaterThan(100); // the corpus does have exact reposts
    expect(await analyse(records)).toBe(await analyse(records, everyAdAnalysed));
  });
});
