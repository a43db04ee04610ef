import { composeTemplate, describeLooks, render, type Template, type Voice } from './compose.ts';
import type { Lang, Nationality } from './lexicon/bank.ts';
import type { PhoneStyle } from './phone-writing.ts';
import { NATIONALITIES, NETWORK_NATIONALITIES, pickCity, type City, type Phone } from './places.ts';
import type { Rng } from './prng.ts';
import {
  BANKS, contact, emailFor, handleFor, mention, nameIn, phoneFor, pickLang, priceOf, randomHash, recompress, sitesFor, timeOn,
  type Draft, type World,
} from './world.ts';

const STYLES: Record<Exclude<PhoneStyle, 'plain'>, number> = { words: 3, emoji: 2, fullwidth: 2, letters: 2, spaced: 2, mixed: 2 };

/**
 * An exploitative network: one operator behind several personas, a small pool of phones that rotates
 * between them, one template with the persona's name, age and nationality in slots, photos reused
 * across personas (recompressed, so their hashes differ by a few bits), circuits through several
 * cities within days, hidden numbers more often, and the youth, nationality and reassurance language
 * that tested as predictors - but only more often than others write it, never always.
 */
export function network(rng: Rng, w: World, operatorId: string, maxAds: number): Draft[] {
  const nat = rng.weighted(NETWORK_NATIONALITIES) as Nationality;
  const lang = pickLang(rng, nat);
  const voice: Voice = {
    youth: rng.chance(0.45),
    nationality: rng.chance(0.6),
    reassure: rng.chance(0.5),
    movement: rng.chance(0.06),
    always: rng.chance(0.4),
    risky: rng.chance(0.15),
    thirdPerson: rng.chance(0.25),
    agencyVoice: rng.chance(0.1),
  };
  const templates: { lang: Lang; t: Template }[] = [{ lang, t: composeTemplate(rng, BANKS[lang], voice) }];
  if (lang !== 'en' && rng.chance(0.25)) templates.push({ lang: 'en', t: composeTemplate(rng, BANKS.en, voice) });
  const sharedLooks = rng.chance(0.5);
  const circuit: City[] = [];
  const home = pickCity(rng);
  circuit.push(home);
  const moves = rng.chance(0.7);
  if (moves) for (let i = rng.int(2, 5); i > 0; i--) circuit.push(pickCity(rng, rng.chance(0.7) ? home.country : undefined));
  const pool: Phone[] = Array.from({ length: rng.int(1, 4) }, () => phoneFor(rng, nat, home.country, 0.5));
  const obfuscation = 0.3 + rng.next() * 0.5;
  const photoPool: string[] = [];
  const handle = rng.chance(0.3) ? handleFor(rng, rng.pick(NATIONALITIES[nat].names)) : undefined;
  const email = rng.chance(0.1) ? emailFor(rng, rng.pick(NATIONALITIES[nat].names)) : undefined;
  const { price, half } = priceOf(rng, 120, 35, 50, 250);
  const sites = sitesFor(rng, home);
  const personas = rng.weighted({ 2: 1, 3: 3, 4: 3, 5: 2, 6: 2, 8: 1 } as Record<string, number>);
  const drafts: Draft[] = [];
  const startDay = rng.int(0, Math.max(0, w.days - 21));
  for (let p = 0; p < Number(personas) && drafts.length < maxAds; p++) {
    const pnat: Nationality = rng.chance(0.8) ? nat : (rng.weighted(NETWORK_NATIONALITIES) as Nationality);
    const tpl = templates.length > 1 && rng.chance(0.4) ? templates[1]! : templates[0]!;
    const bank = BANKS[tpl.lang];
    const name = nameIn(rng.pick(NATIONALITIES[pnat].names), tpl.lang);
    const age = Math.max(18, Math.min(35, Math.round(rng.normal(25, 4.5))));
    const t: Template = sharedLooks ? tpl.t : { ...tpl.t, looks: describeLooks(rng, bank) };
    const photos = Array.from({ length: rng.int(2, 4) }, () => randomHash(rng));
    if (photoPool.length && rng.chance(0.6)) for (const h of rng.sample(photoPool, rng.int(1, 2))) photos.push(recompress(rng, h, 6));
    if (rng.chance(0.1)) photos.push(rng.pick(w.stockPhotos));
    photoPool.push(...photos);
    let phoneAt = rng.int(0, pool.length - 1);
    let cityAt = rng.int(0, circuit.length - 1);
    let day = startDay + rng.next() * 14;
    const n = Math.min(maxAds - drafts.length, rng.int(2, 8));
    for (let i = 0; i < n; i++) {
      if (i > 0 && moves && rng.chance(0.4)) {
        cityAt = (cityAt + 1) % circuit.length;
        day += 1 + rng.next() * 3;
        if (rng.chance(0.5)) phoneAt = (phoneAt + 1) % pool.length;
      } else if (i > 0) day += rng.next() * 2;
      const city = circuit[cityAt]!;
      const numbers = rng.chance(0.15) && pool.length > 1 ? [pool[phoneAt]!, pool[(phoneAt + 1) % pool.length]!] : [pool[phoneAt]!];
      const styleOf = () => (rng.chance(obfuscation) ? rng.weighted(STYLES) : 'plain');
      const c = contact(rng, numbers, city.country, styleOf, bank);
      const slots = { name, age: String(age), city: city.name, nat: bank.nat[pnat], price, half, phone: c.slot };
      let { title, body } = render(rng, bank, t, slots, i === 0 ? 0.1 : 0.3);
      if (handle && rng.chance(0.5)) body += `${bank.sep}${mention(handle)}`;
      if (email && rng.chance(0.5)) body += `${bank.sep}${mention(email)}`;
      if (moves && rng.chance(0.3)) title = `${title} ${city.name}`.slice(0, 80);
      drafts.push({
        t: timeOn(rng, w, Math.min(w.days - 1, day)),
        source: rng.pick(sites),
        city,
        title,
        body,
        phones: c.field,
        handles: handle && rng.chance(0.3) ? [handle] : undefined,
        age: rng.chance(0.8) ? age : undefined,
        imageHashes: photos.map((h) => (rng.chance(0.4) ? recompress(rng, h) : h)),
        category: rng.pick(['escort', 'private', 'massage']),
        truth: { operatorId, kind: 'network', exploited: true, obfuscatedPhones: c.obfuscated },
      });
    }
  }
  return drafts;
}
