import fc from 'fast-check';
import type { AdRecord } from '../src/outreach/types.ts';

/** Ad texts for repost tests: phones plain, spaced and spelled out, e-mails, handles, Thai script. */
export const BODIES = [
  'Hoi, ik ben Anna, 22 jaar. Bel 06-12345678. Nieuw in Amsterdam! 100% echte foto’s. Alleen deze week.',
  'New girl Jade in town, call me 0 6 1 2 3 4 5 6 7 9, 24/7, only this week, young and new',
  'Fată nouă în oraș, sună-mă la nul șase unu doi trei patru cinci șase șapte opt',
  'สวัสดีค่ะ ฉันชื่อ Mia อายุ 19 ปี โทร 0612345670 ไลน์ mia_99',
  'Massage relax, email anna99@gmail.com, telegram @anna_x, 50 euro per uur',
];

/** One posting: an ad variant (what the analysis reads) with the fields each posting has of its own. */
export type Post = {
  body: number;
  city?: string;
  country?: string;
  phones?: readonly string[];
  emails?: readonly string[];
  age?: number;
  photo?: readonly string[];
  day: number;
  source?: string;
};

const variant = fc.record({
  body: fc.integer({ min: 0, max: BODIES.length - 1 }),
  city: fc.constantFrom('Amsterdam', 'Utrecht', undefined),
  country: fc.constantFrom('NL', 'BE', undefined),
  phones: fc.constantFrom(undefined, ['+31612345678'], ['nul zes 1234 5678'], [], ['+31612345678', '+31687654321']),
  emails: fc.constantFrom(undefined, ['Jade@example.com']),
  age: fc.constantFrom(undefined, 21, 30),
});

/**
 * A few ad variants, then a stream of postings of them: exact reposts (same variant) and near ones (a
 * variant differing in one field), each with its own id, date, source and photos.
 */
export function repostStream(length: { minLength: number; maxLength: number }): fc.Arbitrary<Post[]> {
  return fc
    .array(variant, { minLength: 1, maxLength: 6 })
    .chain((variants) =>
      fc
        .array(
          fc.record({
            v: fc.integer({ min: 0, max: variants.length - 1 }),
            photo: fc.constantFrom(undefined, ['0123456789abcdef'], ['ffffffff00000000', '0123456789abcdef'], ['0123456789abcdee']),
            day: fc.integer({ min: 1, max: 28 }),
            source: fc.constantFrom('a.example', 'b.example'),
          }),
          length,
        )
        .map((xs) => xs.map((x) => ({ ...variants[x.v]!, photo: x.photo, day: x.day, source: x.source }))),
    );
}

/** The record of posting `x` as ad number `i`. */
export function repostRecord(x: Post, i: number): AdRecord {
  const r: AdRecord = {
    id: `ad-${i}`,
    source: x.source ?? (i % 2 ? 'a.example' : 'b.example'),
    title: 'Nieuw',
    body: BODIES[x.body]!,
    postedAt: `2025-02-${String(x.day).padStart(2, '0')}T10:00:00Z`,
  };
  if (x.city) r.city = x.city;
  if (x.country) r.country = x.country;
  if (x.phones) r.phones = [...x.phones];
  if (x.emails) r.emails = [...x.emails];
  if (x.age !== undefined) r.age = x.age;
  if (x.photo) r.imageHashes = [...x.photo];
  return r;
}
