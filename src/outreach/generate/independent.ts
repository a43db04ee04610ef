import { composeTemplate, render, type Voice } from './compose.ts';
import type { Nationality } from './lexicon/bank.ts';
import type { PhoneStyle } from './phone-writing.ts';
import { MARKET_NATIONALITIES, NATIONALITIES, pickCity, type City, type Phone } from './places.ts';
import type { Rng } from './prng.ts';
import {
  BANKS, contact, emailFor, handleFor, mention, nameIn, phoneFor, pickLang, postingDays, priceOf, randomHash, recompress, sitesFor, timeOn,
  type Draft, type World,
} from './world.ts';

/** How many ads one independent advertiser posts in the period: most few, some bump the same ad daily. */
function adCount(rng: Rng): number {
  const r = rng.next();
  if (r < 0.5) return 1;
  if (r < 0.7) return rng.int(2, 3);
  if (r < 0.85) return rng.int(4, 8);
  if (r < 0.95) return rng.int(9, 20);
  return rng.int(20, 60);
}

const STYLES: Record<Exclude<PhoneStyle, 'plain'>, number> = { words: 3, emoji: 2, fullwidth: 1, letters: 2, spaced: 3, mixed: 1 };

/**
 * An independent advertiser: one persona, their own number (sometimes a second one later), their own
 * photos, a text of their own built from the phrases everyone uses, reposted with small edits. Some
 * tour other cities (and say so), some hide their number, some copy a popular paragraph, a few give a
 * placeholder number or an answering service instead of their own.
 */
export function independent(rng: Rng, w: World, operatorId: string, maxAds: number): Draft[] {
  const nat = rng.weighted(MARKET_NATIONALITIES) as Nationality;
  const lang = pickLang(rng, nat);
  const bank = BANKS[lang];
  const name = nameIn(rng.pick(NATIONALITIES[nat].names), lang);
  // Stated age 18-23 tested as no predictor: the age distributions of networks and others overlap widely.
  const age = Math.max(18, Math.min(55, Math.round(rng.normal(28, 6.5))));
  const home = pickCity(rng);
  const touring = rng.chance(0.12);
  const voice: Voice = {
    youth: rng.chance(age < 24 ? 0.15 : 0.05),
    nationality: rng.chance(nat === 'nl' ? 0.06 : 0.22),
    reassure: rng.chance(0.15),
    movement: rng.chance(touring ? 0.6 : 0.08),
    always: rng.chance(0.07),
    risky: rng.chance(0.02),
    thirdPerson: rng.chance(0.01),
    agencyVoice: rng.chance(0.005),
  };
  const viral = rng.chance(0.05) ? rng.pick(w.viral[lang]) : undefined;
  const template = composeTemplate(rng, bank, voice, { viral });
  const count = Math.min(maxAds, adCount(rng));
  const cities: City[] = [home];
  if (touring) for (let i = rng.int(1, 3); i > 0; i--) cities.push(pickCity(rng));
  const phones: Phone[] = [phoneFor(rng, nat, home.country, 0.6)];
  if (rng.chance(0.05)) phones.push(phoneFor(rng, nat, home.country, 0.6));
  const generic = rng.next();
  const shown: Phone | null = generic < 0.003 ? w.placeholder : generic < 0.007 ? w.answeringService : null;
  const obfuscates = rng.chance(0.08);
  const style = rng.weighted(STYLES);
  const photos = rng.chance(0.1) ? [] : Array.from({ length: rng.int(1, 5) }, () => randomHash(rng));
  if (rng.chance(0.015)) photos.push(rng.pick(w.stockPhotos));
  const email = rng.chance(0.15) ? emailFor(rng, name) : undefined;
  const handle = rng.chance(0.2) ? handleFor(rng, name) : undefined;
  const { price, half } = priceOf(rng, 150, 45, 60, 350);
  const sites = sitesFor(rng, home);
  const category = rng.pick(['escort', 'private', 'massage', 'private']);
  const days = postingDays(rng, w, count, Math.min(w.days, count), Math.min(w.days, count * 4 + 7));
  const stated = rng.chance(0.75);
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[i]!;
    const city = cities[Math.min(cities.length - 1, Math.floor((i / count) * cities.length))]!;
    const phone = phones[phones.length > 1 && i >= count / 2 ? 1 : 0]!;
    const styleOf = () => (obfuscates && !shown && rng.chance(0.9) ? (rng.chance(0.8) ? style : rng.weighted(STYLES)) : 'plain');
    const c = contact(rng, [shown ?? phone], city.country, styleOf, bank);
    const slots = { name, age: String(age), city: city.name, nat: bank.nat[nat], price, half, phone: c.slot };
    const { title, body: text } = render(rng, bank, template, slots, i === 0 ? 0 : 0.3);
    let body = text;
    if (email && rng.chance(0.4)) body += `${bank.sep}${mention(email)}`;
    if (handle && rng.chance(0.5)) body += `${bank.sep}${mention(handle)}`;
    if (rng.chance(0.003)) body += `${bank.sep}Hulp nodig? 0800 012 3456`;
    const field = shown ? (rng.chance(0.5) ? [phone.e164] : undefined) : c.field;
    drafts.push({
      t: timeOn(rng, w, day),
      source: rng.pick(sites),
      city,
      title,
      body,
      phones: field,
      emails: email && rng.chance(0.6) ? [email] : undefined,
      handles: handle && rng.chance(0.4) ? [handle] : undefined,
      age: stated ? age : undefined,
      imageHashes: photos.length ? photos.map((h) => (rng.chance(0.3) ? recompress(rng, h) : h)) : undefined,
      category,
      truth: { operatorId, kind: 'independent', exploited: false, obfuscatedPhones: c.obfuscated },
    });
  }
  return drafts;
}
