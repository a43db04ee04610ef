import { composeTemplate, describeLooks, render, type Voice } from './compose.ts';
import type { Lang, Nationality } from './lexicon/bank.ts';
import { MARKET_NATIONALITIES, NATIONALITIES, drawPhone, pickCity, type Phone } from './places.ts';
import type { Rng } from './prng.ts';
import { BANKS, contact, mention, nameIn, postingDays, priceOf, randomHash, recompress, sitesFor, timeOn, type Draft, type World } from './world.ts';

const FIRST = ['Velvet', 'Diamond', 'Secret', 'Elite', 'Royal', 'Angel', 'Pearl', 'Amber', 'Crystal', 'Orchid', 'Scarlet', 'Luna', 'Golden', 'Silk', 'Ruby', 'Bella'];
const SECOND = ['Escorts', 'Escort Service', 'Ladies', 'Club', 'Dates', 'Companions', 'Girls', 'Agency'];
const CITY_CODE: Record<string, string> = { NL: 'NL', BE: 'BE', DE: 'DE' };

/**
 * A licensed agency: one booking line for all its ladies, several personas, one city, a professional
 * text with the agency's own phrases and licence number. Agencies speak for their ladies ("our
 * ladies"), often list nationalities and 24/7 service: the engine must not mistake them for networks
 * on those grounds alone.
 */
export function agency(rng: Rng, w: World, operatorId: string, maxAds: number): Draft[] {
  const city = pickCity(rng);
  const lang: Lang = city.country === 'DE' ? (rng.chance(0.7) ? 'de' : 'en') : rng.chance(0.7) ? 'nl' : 'en';
  const bank = BANKS[lang];
  const agencyName = `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${city.name}`;
  const domain = `${agencyName.toLowerCase().replace(/[^a-z]+/g, '')}.${city.country.toLowerCase()}`;
  const licence = `${CITY_CODE[city.country]}-${rng.int(2015, 2025)}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
  const booking: Phone = city.country === 'NL' && rng.chance(0.3) ? { country: 'NL', national: `85${rng.int(1000000, 9999999)}`, e164: '' } : drawPhone(rng, city.country);
  if (!booking.e164) booking.e164 = `+31${booking.national}`;
  const voice: Voice = {
    youth: rng.chance(0.08),
    nationality: rng.chance(0.35),
    reassure: rng.chance(0.2),
    movement: rng.chance(0.03),
    always: rng.chance(0.35),
    risky: rng.chance(0.01),
    thirdPerson: rng.chance(0.3),
    agencyVoice: rng.chance(0.9),
  };
  const template = composeTemplate(rng, bank, voice, { agency: true });
  if (rng.chance(0.5)) template.tail.push(`www.${domain}`);
  const logo = rng.chance(0.6) ? randomHash(rng) : null;
  const email = rng.chance(0.8) ? `info@${domain}` : undefined;
  const sites = sitesFor(rng, city);
  const personas = rng.int(4, 15);
  const drafts: Draft[] = [];
  for (let p = 0; p < personas && drafts.length < maxAds; p++) {
    const nat = rng.weighted(MARKET_NATIONALITIES) as Nationality;
    const name = nameIn(rng.pick(NATIONALITIES[nat].names), lang);
    const age = Math.max(18, Math.min(40, Math.round(rng.normal(25, 4))));
    const looks = describeLooks(rng, bank);
    const photos = Array.from({ length: rng.int(2, 5) }, () => randomHash(rng));
    const { price, half } = priceOf(rng, 200, 40, 120, 400);
    const n = Math.min(maxAds - drafts.length, rng.int(3, 12));
    const days = postingDays(rng, w, n, 14, w.days);
    for (let i = 0; i < n; i++) {
      const c = contact(rng, [booking], city.country, () => (rng.chance(0.01) ? 'spaced' : 'plain'), bank);
      const slots = { name, age: String(age), city: city.name, nat: bank.nat[nat], price, half, phone: c.slot, agency: agencyName, licence };
      let { title, body } = render(rng, bank, { ...template, looks }, slots, i === 0 ? 0 : 0.2);
      if (email && rng.chance(0.3)) body += `${bank.sep}${mention(email)}`;
      if (rng.chance(0.4)) title = `${title} | ${agencyName}`.slice(0, 80);
      const hashes = photos.map((h) => (rng.chance(0.2) ? recompress(rng, h) : h));
      if (logo) hashes.push(logo);
      drafts.push({
        t: timeOn(rng, w, days[i]!),
        source: rng.pick(sites),
        city,
        title,
        body,
        phones: c.field,
        emails: email && rng.chance(0.7) ? [email] : undefined,
        age: rng.chance(0.85) ? age : undefined,
        imageHashes: hashes,
        category: 'escort',
        truth: { operatorId, kind: 'agency', exploited: false, obfuscatedPhones: c.obfuscated },
      });
    }
  }
  return drafts;
}
