/**
 * A small hand-written corpus for the worklist tests: one network (four personas, two rotating phones,
 * one template, a photo reused, a city circuit, one stated minor), three independent advertisers.
 */
import { FakeClock } from '../src/clock.ts';
import type { Ctx } from '../src/context.ts';
import { importAdBatch } from '../src/outreach-work/import/import-ads.ts';
import type { AdRecord } from '../src/outreach/types.ts';

const template = (name: string, age: number, city: string, phone: string) =>
  `Hoi schat! Ik ben ${name}, ${age} jaar, net nieuw in ${city}. Jong, lief en altijd beschikbaar, echte foto's. Alleen vandaag. Bel of app ${phone}`;

const ad = (id: string, name: string, age: number, city: string, phones: string[], postedAt: string, image: string): AdRecord => ({
  id,
  source: 'sexmarkt.nl',
  url: `https://www.sexmarkt.nl/ad/${id}`,
  postedAt,
  title: `${name} (${age}) nieuw in ${city}`,
  body: template(name, age, city, phones[0]!),
  phones,
  city,
  country: 'NL',
  age,
  imageHashes: [image],
});

export const NETWORK: AdRecord[] = [
  ad('n1', 'Anna', 21, 'Utrecht', ['0612345678'], '2026-03-01T08:00:00Z', 'ffff0000ffff0000'),
  ad('n2', 'Bella', 20, 'Amsterdam', ['0612345678'], '2026-03-01T14:00:00Z', 'ffff0000ffff0001'),
  ad('n3', 'Cleo', 19, 'Rotterdam', ['0687654321'], '2026-03-01T19:00:00Z', 'ffff0000ffff0000'),
  ad('n4', 'Dana', 17, 'Den Haag', ['0687654321', '0612345678'], '2026-03-02T06:00:00Z', 'ffff0000ffff0003'),
];
export const NETWORK_PHONES = ['+31612345678', '+31687654321'];

export const EMMA: AdRecord = {
  id: 'e1',
  source: 'kinky.nl',
  postedAt: '2026-03-01T20:00:00Z',
  title: 'Emma, independent companion',
  body: 'Hello gentlemen, I am Emma, an independent companion living in Groningen for years. Relaxed meetings by appointment, I choose my clients myself. Call me on +31611112222 between 12 and 20.',
  phones: ['+31611112222'],
  city: 'Groningen',
  country: 'NL',
  age: 34,
  imageHashes: ['0123456789abcdef'],
};

export const LISA: AdRecord = {
  id: 'l1',
  source: 'kinky.nl',
  postedAt: '2026-03-01T22:00:00Z',
  title: 'Lisa in Zwolle',
  body: 'Lisa here, massage studio in Zwolle with my own parking. Tuesday to Saturday. Phone 0655556666, no withheld numbers.',
  phones: ['0655556666'],
  city: 'Zwolle',
  country: 'NL',
  age: 41,
  imageHashes: ['fedcba9876543210'],
};

/** Seen only at the start of February: not active now. */
export const SOPHIE: AdRecord[] = [
  { id: 's1', source: 'sexjobs.nl', postedAt: '2026-02-01T12:00:00Z', title: 'Sophie Breda', body: 'Sophie uit Breda, rustige privé ontvangst in mijn eigen huis, maak een afspraak via 0633334444.', phones: ['0633334444'], city: 'Breda', country: 'NL', age: 38, imageHashes: ['aaaa5555aaaa5555'] },
  { id: 's2', source: 'sexjobs.nl', postedAt: '2026-02-03T12:00:00Z', title: 'Sophie Breda', body: 'Sophie uit Breda, rustige privé ontvangst in mijn eigen huis, maak een afspraak via 0633334444.', phones: ['0633334444'], city: 'Breda', country: 'NL', age: 38, imageHashes: ['aaaa5555aaaa5555'] },
];

/** Imports the corpus through the real importer: Sophie a month before "now", the rest at `ctx.clock`. */
export async function importFixture(ctx: Ctx): Promise<void> {
  await importAdBatch({ ...ctx, clock: new FakeClock('2026-02-04T09:00:00Z') }, SOPHIE, { importId: null });
  await importAdBatch(ctx, [...NETWORK, EMMA, LISA], { importId: null });
}
