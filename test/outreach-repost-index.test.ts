import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RepostIndex } from '../src/outreach/repost-index.ts';
import { memoKey } from '../src/outreach/repost-memo.ts';
import { runAnalysis } from '../src/outreach/run-analysis.ts';
import type { AdRecord } from '../src/outreach/types.ts';
import { repostRecord, repostStream } from './outreach-repost-fixture.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-reposts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const everyAdAnalysed = new URL('./fixtures/outreach/engine-analyzer.ts', import.meta.url).href;

const stream = repostStream({ minLength: 2, maxLength: 60 });
const record = repostRecord;

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
