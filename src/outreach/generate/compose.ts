import type { Bank } from './lexicon/bank.ts';
import type { Rng } from './prng.ts';

/** Which kinds of sentences an operator writes (decided once per operator: people keep their habits). */
export type Voice = {
  youth: boolean;
  nationality: boolean;
  reassure: boolean;
  movement: boolean;
  always: boolean;
  risky: boolean;
  thirdPerson: boolean;
  agencyVoice: boolean;
};

/** Per-ad values for the slots of a template. */
export type Slots = Record<'name' | 'age' | 'city' | 'nat' | 'price' | 'half' | 'phone', string> & { agency?: string; licence?: string };

/**
 * A text with slots left open: {name} {age} {city} {nat} {price} {half} {phone} (and {agency} {licence}).
 * Sentences are a list so that reposts can drop or swap a few of them.
 */
export type Template = { title: string[]; head: string[]; looks: string[]; middle: string[]; tail: string[]; sep: string };

const SLOT = /\{(\w+)\}/g;

export function fill(text: string, slots: Record<string, string | undefined>): string {
  return text.replace(SLOT, (m, k: string) => slots[k] ?? m);
}

/** Fills the persona-independent descriptive slots (hair, eyes, traits, hobbies, hours, services). */
function describe(rng: Rng, bank: Bank, text: string): string {
  const [trait, trait2] = rng.sample(bank.traits, 2);
  const [hobby, hobby2] = rng.sample(bank.hobbies, 2);
  const from = rng.pick(['9', '10', '11', '12', '14', '18', '20']);
  const to = rng.pick(['18', '20', '22', '23', '24', '02', '04']);
  return fill(text, { hair: rng.pick(bank.hair), eyes: rng.pick(bank.eyes), trait, trait2, hobby, hobby2, from, to });
}

function services(rng: Rng, bank: Bank): string {
  return fill(rng.pick(bank.servicesIntro), { list: rng.sample(bank.services, rng.int(2, 6)).join(bank.listSep) });
}

/**
 * Writes an operator's master text. Independents, agencies and networks all draw on the same stock
 * phrases (everybody copies them); what differs is how often the indicator sentences appear, and that a
 * network fills one template for many personas.
 */
export function composeTemplate(rng: Rng, bank: Bank, voice: Voice, opts: { agency?: boolean; viral?: string[] } = {}): Template {
  const head: string[] = [];
  const middle: string[] = [];
  const tail: string[] = [];
  if (opts.agency) {
    head.push(rng.pick(bank.agencyIntro));
  } else {
    if (rng.chance(0.7)) head.push(rng.pick(bank.greet));
    head.push(rng.pick(bank.intro));
  }
  const looks = describeLooks(rng, bank);
  if (rng.chance(0.6)) middle.push(services(rng, bank));
  for (const s of rng.sample(bank.stock, rng.int(1, 4))) middle.push(s);
  if (opts.viral) middle.push(...opts.viral);
  if (voice.youth) middle.push(rng.pick(bank.youth));
  if (voice.nationality) middle.push(rng.pick(bank.nationality));
  if (voice.reassure) middle.push(rng.pick(bank.reassure));
  if (voice.movement) middle.push(rng.pick(bank.movement));
  if (voice.always) middle.push(rng.pick(bank.always));
  if (voice.risky) middle.push(rng.pick(bank.risky));
  if (voice.thirdPerson) middle.push(rng.pick(bank.thirdPerson));
  if (voice.agencyVoice) middle.push(rng.pick(bank.agencyVoice));
  if (opts.agency) for (const s of rng.sample(bank.agencyPro, rng.int(1, 3))) middle.push(s);
  rng.shuffle(middle);
  if (rng.chance(0.7) && !voice.always) tail.push(describe(rng, bank, rng.pick(bank.availability)));
  if (rng.chance(0.6)) tail.push(rng.pick(bank.price));
  tail.push(rng.pick(bank.contact));
  if (opts.agency && rng.chance(0.8)) tail.push(rng.pick(bank.licence));
  if (!opts.agency && rng.chance(0.5)) tail.push(rng.pick(bank.closing));
  const title = rng.sample(bank.titles, rng.int(1, 2));
  return { title, head, looks, middle, tail, sep: bank.sep };
}

/** One to three sentences describing a persona (hair, eyes, character, hobbies). */
export function describeLooks(rng: Rng, bank: Bank): string[] {
  return rng.sample(bank.looks, rng.int(1, 3)).map((s) => describe(rng, bank, s));
}

/** A few sentences anyone might copy: the generator's "viral" stock paragraphs. */
export function stockParagraph(rng: Rng, bank: Bank): string[] {
  const out = rng.sample(bank.stock, rng.int(2, 4));
  out.push(describe(rng, bank, rng.pick(bank.looks)));
  if (rng.chance(0.5)) out.push(services(rng, bank));
  return rng.shuffle(out);
}

const MAX_BODY = 800;
const MIN_BODY = 100;

/**
 * One ad from a template: a title, the sentences (a repost may drop one or add a stock phrase) and the
 * slots filled. The body is kept within 100-800 characters by dropping or adding middle sentences.
 */
export function render(rng: Rng, bank: Bank, t: Template, slots: Slots, edit: number): { title: string; body: string } {
  let middle = t.middle;
  if (edit > 0 && middle.length > 1 && rng.chance(edit)) {
    middle = [...middle];
    middle.splice(rng.int(0, middle.length - 1), 1);
  }
  if (edit > 0 && rng.chance(edit / 2)) middle = [...middle, rng.pick(bank.stock)];
  let body = fill([...t.head, ...t.looks, ...middle, ...t.tail].join(t.sep), slots);
  while (body.length > MAX_BODY && middle.length > 1) {
    middle = middle.slice(0, -1);
    body = fill([...t.head, ...t.looks, ...middle, ...t.tail].join(t.sep), slots);
  }
  let guard = 0;
  while (body.length < MIN_BODY && guard++ < 8) body = `${body}${t.sep}${fill(rng.pick(bank.stock), slots)}`;
  let title = fill(t.title.length > 1 && rng.chance(0.3) ? t.title[1]! : t.title[0]!, slots);
  if (title.length < 20) title = `${title} - ${slots.city}`;
  return { title: title.length > 80 ? title.slice(0, 80) : title, body };
}
