import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAd } from '../src/outreach/analyze/analyze-ad.ts';
import { memoKey, withRepostMemo } from '../src/outreach/repost-memo.ts';
import type { AdRecord } from '../src/outreach/types.ts';

const BODIES = [
  'Hoi, ik ben Anna, 22 jaar. Bel 06-12345678. Nieuw in Amsterdam! 100% echte foto’s.',
  'New girl Jade in town, call me 0 6 1 2 3 4 5 6 7 9, 24/7, only this week',
  'Fată nouă în oraș, sună-mă la nul șase unu doi trei patru cinci șase șapte opt',
  'สวัสดีค่ะ ฉันชื่อ Mia อายุ 19 ปี โทร 0612345670 ไลน์ mia_99',
  'Massage relax, email anna99@gmail.com, telegram @anna_x, 50 euro per uur',
];

/** A few ad variants, then a stream of reposts of them, each with its own id, date, source and photos. */
const variant = fc.record({
  body: fc.integer({ min: 0, max: BODIES.length - 1 }),
  city: fc.constantFrom('Amsterdam', 'Utrecht', undefined),
  country: fc.constantFrom('NL', 'BE', undefined),
  phones: fc.constantFrom(undefined, ['+31612345678'], ['nul zes 1234 5678'], []),
  age: fc.constantFrom(undefined, 21, 30),
});
const stream = fc
  .array(variant, { minLength: 1, maxLength: 6 })
  .chain((variants) =>
    fc.array(
      fc.record({
        v: fc.integer({ min: 0, max: variants.length - 1 }),
        photo: fc.constantFrom(undefined, ['0123456789abcdef'], ['ffffffff00000000', '0123456789abcdef']),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { minLength: 40, maxLength: 120 },
    ).map((xs) => xs.map((x) => ({ ...variants[x.v]!, photo: x.photo, day: x.day }))),
  );

function record(x: { body: number; city?: string; country?: string; phones?: readonly string[]; age?: number; photo?: readonly string[]; day: number }, i: number): AdRecord {
  const r: AdRecord = { id: `ad-${i}`, source: i % 2 ? 'a.example' : 'b.example', title: 'Nieuw', body: BODIES[x.body]!, postedAt: `2025-02-${String(x.day).padStart(2, '0')}T10:00:00Z` };
  if (x.city) r.city = x.city;
  if (x.country) r.country = x.country;
  if (x.phones) r.phones = [...x.phones];
  if (x.age !== undefined) r.age = x.age;
  if (x.photo) r.imageHashes = [...x.photo];
  return r;
}

describe('repost memo', () => {
  it('gives every ad exactly the features analyzeAd gives it, while switching on and off (property)', () => {
    let hits = 0;
    fc.assert(
      fc.property(stream, (xs) => {
        const analyze = withRepostMemo(analyzeAd, { window: 8, generation: 4, recent: 16, minShare: 0.3 });
        xs.forEach((x, i) => {
          const r = record(x, i);
          const got = analyze(r, i);
          expect(got).toEqual(analyzeAd(r, i));
          // What a consumer does to its features must not reach later reposts.
          got.phones.push('+31600000000');
          if (got.indicators[0]) got.indicators[0].evidence = 'changed';
          got.names.length = 0;
        });
        hits += analyze.memo.hits;
      }),
      { numRuns: 150 },
    );
    expect(hits).toBeGreaterThan(1000); // the memo did answer
  });

  it('answers reposts from the memo when reposts are common, and switches off when they are not', () => {
    const reposts = withRepostMemo(analyzeAd, { window: 50, generation: 100, recent: 100, minShare: 0.3 });
    for (let i = 0; i < 400; i++) reposts(record({ body: i % 5, day: 1 + (i % 28) }, i), i);
    expect(reposts.memo.on).toBe(true);
    expect(reposts.memo.hits).toBeGreaterThan(300);

    const distinct = withRepostMemo(analyzeAd, { window: 50, generation: 100, recent: 100, minShare: 0.3 });
    for (let i = 0; i < 400; i++) distinct({ id: `d-${i}`, source: 's', body: `Hoi, ik ben advertentie nummer ${i}, bel 06-1234${String(i).padStart(4, '0')}` }, i);
    expect(distinct.memo.on).toBe(false);
    expect(distinct.memo.hits).toBe(0);
  });

  it('keys everything the analysis reads and nothing it takes over as it is', () => {
    const base: AdRecord = { id: '1', source: 's', url: 'https://x.example/1', title: 'T', body: 'B', city: 'Utrecht', country: 'NL', age: 22, phones: ['0612345678'], emails: ['a@b.nl'], handles: ['@x'], postedAt: '2025-01-01T00:00:00Z', imageHashes: ['0123456789abcdef'] };
    const key = memoKey(base);
    expect(memoKey({ ...base, id: '2', source: 't', url: 'u', postedAt: '2025-02-02T00:00:00Z', imageHashes: [] })).toBe(key);
    const changed: Partial<AdRecord>[] = [{ title: 'T2' }, { body: 'B2' }, { city: 'Breda' }, { country: 'BE' }, { age: 23 }, { phones: ['0612345679'] }, { emails: ['c@d.nl'] }, { handles: ['@y'] }, { title: 'TB', body: '' }, { phones: ['06', '12345678'] }];
    for (const c of changed) expect(memoKey({ ...base, ...c }), JSON.stringify(c)).not.toBe(key);
    // The same characters split differently between fields give different keys.
    expect(memoKey({ id: '1', source: 's', title: 'ab', body: 'c' })).not.toBe(memoKey({ id: '1', source: 's', title: 'a', body: 'bc' }));
  });
});
