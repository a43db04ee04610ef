import type { Lang, Nationality } from './lexicon/bank.ts';
import type { Rng } from './prng.ts';

export type Country = 'NL' | 'BE' | 'DE';
export type City = { name: string; country: Country; weight: number };

/** Cities where ads are posted, weighted roughly by the size of their market. */
export const CITIES: City[] = [
  { name: 'Amsterdam', country: 'NL', weight: 14 },
  { name: 'Rotterdam', country: 'NL', weight: 9 },
  { name: 'Den Haag', country: 'NL', weight: 7 },
  { name: 'Utrecht', country: 'NL', weight: 6 },
  { name: 'Eindhoven', country: 'NL', weight: 4 },
  { name: 'Groningen', country: 'NL', weight: 3 },
  { name: 'Tilburg', country: 'NL', weight: 2 },
  { name: 'Almere', country: 'NL', weight: 2 },
  { name: 'Breda', country: 'NL', weight: 2 },
  { name: 'Nijmegen', country: 'NL', weight: 2 },
  { name: 'Arnhem', country: 'NL', weight: 2 },
  { name: 'Haarlem', country: 'NL', weight: 2 },
  { name: 'Enschede', country: 'NL', weight: 1.5 },
  { name: 'Maastricht', country: 'NL', weight: 1.5 },
  { name: 'Zwolle', country: 'NL', weight: 1 },
  { name: 'Leiden', country: 'NL', weight: 1 },
  { name: 'Alkmaar', country: 'NL', weight: 1 },
  { name: "'s-Hertogenbosch", country: 'NL', weight: 1 },
  { name: 'Apeldoorn', country: 'NL', weight: 1 },
  { name: 'Amersfoort', country: 'NL', weight: 1 },
  { name: 'Antwerpen', country: 'BE', weight: 4 },
  { name: 'Brussel', country: 'BE', weight: 4 },
  { name: 'Gent', country: 'BE', weight: 2 },
  { name: 'Brugge', country: 'BE', weight: 1 },
  { name: 'Leuven', country: 'BE', weight: 1 },
  { name: 'Liège', country: 'BE', weight: 1.5 },
  { name: 'Hasselt', country: 'BE', weight: 1 },
  { name: 'Köln', country: 'DE', weight: 3 },
  { name: 'Düsseldorf', country: 'DE', weight: 2.5 },
  { name: 'Aachen', country: 'DE', weight: 1 },
  { name: 'Duisburg', country: 'DE', weight: 1.5 },
  { name: 'Essen', country: 'DE', weight: 1.5 },
  { name: 'Dortmund', country: 'DE', weight: 1.5 },
  { name: 'Münster', country: 'DE', weight: 1 },
];

const CITY_WEIGHT_TOTAL = CITIES.reduce((s, c) => s + c.weight, 0);

export function pickCity(rng: Rng, country?: Country): City {
  if (country) return rng.pick(CITIES.filter((c) => c.country === country));
  let r = rng.next() * CITY_WEIGHT_TOTAL;
  for (const c of CITIES) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return CITIES[0]!;
}

/** Ad sites per country (the `source` field). */
export const SITES: Record<Country, string[]> = {
  NL: ['sexmarkt.nl', 'kinky.nl', 'sexjobs.nl', 'hookers.nl'],
  BE: ['redlights.be', 'hookers.nl'],
  DE: ['kaufmich.example', 'ladies.example'],
};

/** Phone plans: country code and how to draw a mobile subscriber number (national significant number). */
type PhonePlan = { cc: string; trunk: string; draw: (rng: Rng) => string; groups: number[] };

const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};

export const PHONE_PLANS: Record<string, PhonePlan> = {
  NL: { cc: '31', trunk: '0', draw: (r) => `6${r.pick(['1', '2', '3', '4', '5', '8'])}${digits(r, 7)}`, groups: [1, 4, 4] },
  BE: { cc: '32', trunk: '0', draw: (r) => `4${r.pick(['6', '7', '8', '9'])}${digits(r, 7)}`, groups: [3, 2, 2, 2] },
  DE: { cc: '49', trunk: '0', draw: (r) => (r.chance(0.4) ? `15${r.pick(['1', '2', '7'])}${digits(r, 8)}` : `1${r.pick(['60', '62', '70', '71', '72', '76'])}${digits(r, 7)}`), groups: [4, 7] },
  RO: { cc: '40', trunk: '0', draw: (r) => `7${r.pick(['2', '3', '4', '5', '6', '7'])}${digits(r, 7)}`, groups: [3, 3, 3] },
  BG: { cc: '359', trunk: '0', draw: (r) => `8${r.pick(['7', '8', '9'])}${digits(r, 7)}`, groups: [2, 3, 4] },
  HU: { cc: '36', trunk: '06', draw: (r) => `${r.pick(['20', '30', '70'])}${digits(r, 7)}`, groups: [2, 3, 4] },
  PL: { cc: '48', trunk: '', draw: (r) => `${r.pick(['50', '51', '53', '60', '66', '69', '72', '78', '79', '88'])}${digits(r, 7)}`, groups: [3, 3, 3] },
  ES: { cc: '34', trunk: '', draw: (r) => `6${r.pick(['0', '1', '2', '3', '5', '6', '9'])}${digits(r, 7)}`, groups: [3, 3, 3] },
  TH: { cc: '66', trunk: '0', draw: (r) => `${r.pick(['8', '9'])}${r.pick(['1', '2', '3', '4', '5', '6', '8', '9'])}${digits(r, 7)}`, groups: [2, 3, 4] },
  CN: { cc: '86', trunk: '', draw: (r) => `1${r.pick(['35', '36', '37', '38', '39', '50', '58', '86', '88'])}${digits(r, 8)}`, groups: [3, 4, 4] },
  NG: { cc: '234', trunk: '0', draw: (r) => `${r.pick(['803', '806', '813', '816', '703', '706', '903', '906'])}${digits(r, 7)}`, groups: [3, 3, 4] },
  UA: { cc: '380', trunk: '0', draw: (r) => `${r.pick(['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98'])}${digits(r, 7)}`, groups: [2, 3, 2, 2] },
};

export type Phone = { country: string; national: string; e164: string };

export function drawPhone(rng: Rng, country: string): Phone {
  const plan = PHONE_PLANS[country]!;
  const national = plan.draw(rng);
  return { country, national, e164: `+${plan.cc}${national}` };
}

/** Where an advertiser of a nationality has a home phone, which languages they write in (weights). */
export const NATIONALITIES: Record<Nationality, { phone: string; names: string[]; langs: Partial<Record<Lang, number>> }> = {
  nl: { phone: 'NL', names: ['Sanne', 'Lisa', 'Fleur', 'Anouk', 'Naomi', 'Kim', 'Iris', 'Femke', 'Romy', 'Britt', 'Esmee', 'Lotte', 'Mandy', 'Chantal', 'Priscilla', 'Shirley'], langs: { nl: 8, en: 2 } },
  be: { phone: 'BE', names: ['Lien', 'Elke', 'Justine', 'Manon', 'Charlotte', 'Ines', 'Jolien', 'Amber'], langs: { nl: 7, en: 3 } },
  de: { phone: 'DE', names: ['Lena', 'Jana', 'Sabine', 'Nicole', 'Melanie', 'Vanessa', 'Jessica', 'Kathrin'], langs: { de: 8, en: 2 } },
  ro: { phone: 'RO', names: ['Andreea', 'Ioana', 'Bianca', 'Alina', 'Denisa', 'Roxana', 'Larisa', 'Florentina', 'Cristina', 'Alexandra', 'Madalina', 'Georgiana'], langs: { en: 5, ro: 3, nl: 2 } },
  bg: { phone: 'BG', names: ['Maria', 'Desislava', 'Gergana', 'Yoana', 'Viktoria', 'Kalina', 'Teodora', 'Nikol', 'Simona', 'Radostina'], langs: { en: 4, bg: 4, nl: 1 } },
  hu: { phone: 'HU', names: ['Dóra', 'Réka', 'Eszter', 'Kitti', 'Vivien', 'Anikó', 'Zsófia', 'Noémi', 'Petra', 'Bettina'], langs: { en: 5, hu: 4, nl: 1 } },
  pl: { phone: 'PL', names: ['Kasia', 'Agnieszka', 'Magda', 'Ola', 'Natalia', 'Zuzanna', 'Paulina', 'Monika', 'Weronika', 'Dominika'], langs: { en: 4, pl: 4, nl: 2 } },
  es: { phone: 'ES', names: ['Lucía', 'Carmen', 'Paula', 'Marta', 'Elena', 'Sara', 'Nerea', 'Alba'], langs: { es: 5, en: 4, nl: 1 } },
  latina: { phone: 'ES', names: ['Valentina', 'Camila', 'Daniela', 'Gabriela', 'Yesenia', 'Mariana', 'Luisa', 'Paola', 'Karen', 'Yuliana'], langs: { es: 6, en: 4 } },
  br: { phone: 'ES', names: ['Bruna', 'Larissa', 'Thais', 'Fernanda', 'Jéssica', 'Rafaela', 'Bianca', 'Natália'], langs: { en: 5, es: 3, nl: 2 } },
  th: { phone: 'TH', names: ['Nok', 'Ploy', 'Fon', 'Mint', 'Ning', 'Joy', 'Pim', 'Bee', 'May', 'Noon'], langs: { th: 5, en: 4, nl: 1 } },
  cn: { phone: 'CN', names: ['Lily', 'Coco', 'Mimi', 'Lulu', 'Yuki', 'Xiaoli', 'Anna', 'Lina', 'Nana', 'Jenny'], langs: { zh: 5, en: 4, nl: 1 } },
  ng: { phone: 'NG', names: ['Blessing', 'Joy', 'Precious', 'Favour', 'Mercy', 'Gift', 'Peace', 'Esther', 'Grace', 'Faith'], langs: { en: 9, nl: 1 } },
  ua: { phone: 'UA', names: ['Oksana', 'Olena', 'Kateryna', 'Yulia', 'Iryna', 'Anastasia', 'Sofia', 'Daria'], langs: { en: 6, nl: 2, pl: 2 } },
};

/** Advertisers in the market, by nationality (independents; networks and agencies draw differently). */
export const MARKET_NATIONALITIES: Record<Nationality, number> = {
  nl: 30, be: 6, de: 6, ro: 12, bg: 6, hu: 6, pl: 6, es: 3, latina: 8, br: 4, th: 5, cn: 3, ng: 3, ua: 2,
};

/** Nationalities of exploitative networks (case literature: Eastern Europe, West Africa, China, Thailand, Latin America). */
export const NETWORK_NATIONALITIES: Record<Nationality, number> = {
  nl: 3, be: 1, de: 1, ro: 20, bg: 14, hu: 12, pl: 4, es: 1, latina: 8, br: 4, th: 8, cn: 8, ng: 10, ua: 4,
};
