/**
 * Synthetic AdFeatures for the clustering speed measurement (measure-cluster-speed.ts): a market of
 * independent advertisers (reposting, stock phrases, own photos, a few generic numbers and stock photos),
 * agencies (one booking line, several personas, one city, logo) and networks (template with slots,
 * rotating phone pool, reused recompressed photos, circuits). Texts are built from small shared sentence
 * banks like real ads, in Latin, Cyrillic and Thai (no spaces) scripts. Not a substitute for the corpus
 * generator; it exists so clustering can be measured without the rest of the pipeline.
 */
import type { AdFeatures, IndicatorHit } from '../types.ts';

export type SyntheticTruth = { operator: number; kind: 'independent' | 'agency' | 'network' };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCRIPTS = [
  { syll: ['ka', 'lo', 'mi', 're', 'sa', 'tu', 'ne', 'vi', 'da', 'po', 'ri', 'ge', 'ban', 'tor', 'lin'], sep: ' ' },
  { syll: ['de', 'ver', 'ijk', 'oo', 'sch', 'aan', 'lie', 'ten', 'mooi', 'graag', 'bel', 'kom', 'zo', 'wat', 'hier', 'daar', 'met', 'voor'], sep: ' ' },
  { syll: ['при', 'ве', 'мо', 'ка', 'ни', 'та', 'ле', 'ро', 'ди', 'сла', 'вен', 'жи'], sep: ' ' },
  {
    syll: ['สวั', 'สดี', 'ค่ะ', 'น้อง', 'สาว', 'ยิ้ม', 'ใจ', 'ดี', 'รัก', 'มา', 'หา', 'นวด', 'กิน', 'ข้าว', 'บ้าน', 'เมือง', 'ทะเล',
      'ภูเขา', 'สวย', 'งาม', 'หวาน', 'เพลง', 'ฟ้า', 'ฝน', 'ลม', 'ไฟ', 'น้ำ', 'ปลา', 'นก', 'แมว', 'หมา', 'ช้าง', 'เสือ', 'ม้า', 'วัว'],
    sep: '',
  },
];
const CITIES = ['amsterdam', 'rotterdam', 'utrecht', 'den haag', 'eindhoven', 'groningen', 'tilburg', 'almere', 'breda', 'nijmegen', 'arnhem', 'haarlem', 'zwolle', 'leiden', 'maastricht', 'antwerpen', 'gent', 'brussel', 'keulen', 'dusseldorf'];
const NATS = ['nl', 'ro', 'bg', 'hu', 'pl', 'th', 'latina', 'ua', 'es', 'cn'];
const NAMES = Array.from({ length: 400 }, (_, i) => `name${i}`);

type Bank = { sep: string; cats: string[][]; fillers: string[] };

function makeBanks(rnd: () => number): Bank[] {
  return SCRIPTS.map((s) => {
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => s.syll[Math.floor(rnd() * s.syll.length)]).join('');
    const sentence = () => Array.from({ length: 5 + Math.floor(rnd() * 8) }, word).join(s.sep);
    // greet, intro, looks, stock, availability, price, contact, closing, services, agency, indicator lines
    const sizes = [16, 12, 40, 40, 16, 10, 12, 12, 60, 12, 24];
    // Slot fillers (hair, eyes, traits, hobbies, hours): what makes two texts from the same phrases differ.
    const fillers = Array.from({ length: 300 }, word);
    return { sep: s.sep === '' ? '' : ' ', cats: sizes.map((n) => Array.from({ length: n }, sentence)), fillers };
  });
}

const INDICATORS: { code: string; weight: number }[] = [
  { code: 'obfuscated-phone', weight: 0.8 },
  { code: 'youth-language', weight: 0.7 },
  { code: 'nationality-named', weight: 0.5 },
  { code: 'reassurance', weight: 0.4 },
  { code: 'movement-language', weight: -0.9 },
  { code: 'agency-voice', weight: 0 },
];

export function syntheticAds(n: number, seed = 1): { ads: AdFeatures[]; truth: SyntheticTruth[] } {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const banks = makeBanks(rnd);
  const hash64 = () => (BigInt(Math.floor(rnd() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
  const flip = (h: bigint, bits: number) => {
    for (let i = 0; i < bits; i++) h ^= 1n << BigInt(int(0, 63));
    return h;
  };
  const stockPhotos = Array.from({ length: 40 }, hash64);
  const ads: AdFeatures[] = [];
  const truth: SyntheticTruth[] = [];
  const DAY = 86_400_000;
  const t0 = Date.UTC(2025, 0, 1);
  let phoneSeq = 0;
  const newPhone = () => `+3161${String(1000000 + phoneSeq++ * 7919 % 8999999).padStart(7, '0')}`;
  let operator = 0;

  const compose = (bank: Bank, extra: string[]): string[] => {
    const c = bank.cats;
    const fill = (x: string) => `${x}${bank.sep}${pick(bank.fillers)}${bank.sep}${pick(bank.fillers)}`;
    const parts = [pick(c[0]!), fill(pick(c[1]!)), fill(pick(c[2]!)), fill(pick(c[2]!))];
    for (let i = int(1, 4); i > 0; i--) parts.push(rnd() < 0.5 ? fill(pick(c[3]!)) : pick(c[3]!));
    if (rnd() < 0.6) parts.push(Array.from({ length: int(2, 6) }, () => pick(c[8]!)).join(', '));
    parts.push(...extra, fill(pick(c[4]!)), fill(pick(c[6]!)));
    if (rnd() < 0.5) parts.push(pick(c[7]!));
    return parts;
  };
  const render = (bank: Bank, parts: string[], city: string, edit: number): string => {
    let ps = parts;
    if (rnd() < edit) ps = ps.filter((_, i) => i !== int(2, ps.length - 1));
    if (rnd() < edit / 2) ps = [...ps, pick(bank.cats[3]!)];
    // Array.join gives flat strings, like texts decoded from JSON (a template literal would be a rope).
    return ['#name #num', city, ps.join(bank.sep === '' ? '' : '. ')].join(' ');
  };
  const hits = (p: Record<string, number>): IndicatorHit[] =>
    INDICATORS.filter((d) => rnd() < (p[d.code] ?? 0)).map((d) => ({ code: d.code, weight: d.weight, evidence: d.code }));
  type Fields = Pick<AdFeatures, 'postedAt' | 'city' | 'phones' | 'age' | 'names' | 'nationalities' | 'indicators' | 'templateText' | 'imageHashes'> & { emails?: string[] };
  const push = (a: Fields, t: SyntheticTruth) => {
    const index = ads.length;
    // One object shape for every ad, as the per-ad analysis produces them.
    ads.push({
      index,
      id: `ad${index}`,
      source: `site${index % 3}`,
      postedAt: a.postedAt,
      city: a.city,
      country: 'NL',
      language: 'und',
      phones: a.phones,
      obfuscatedPhones: [],
      emails: a.emails ?? [],
      handles: [],
      age: a.age,
      price: null,
      names: a.names,
      nationalities: a.nationalities,
      indicators: a.indicators,
      templateText: a.templateText,
      imageHashes: a.imageHashes,
    });
    truth.push(t);
  };

  while (ads.length < n) {
    const r = rnd();
    const br = rnd();
    const bank = banks[br < 0.45 ? 0 : br < 0.8 ? 1 : br < 0.92 ? 2 : 3]!;
    const op = operator++;
    if (r < 0.9) {
      // Independent advertiser.
      const name = pick(NAMES);
      const age = int(19, 50);
      const nat = pick(NATS);
      const phone = rnd() < 0.004 ? '+31612345678' : newPhone();
      const cities = [pick(CITIES)];
      if (rnd() < 0.12) for (let i = int(1, 3); i > 0; i--) cities.push(pick(CITIES));
      const photos = Array.from({ length: int(0, 4) }, hash64);
      if (rnd() < 0.015) photos.push(pick(stockPhotos));
      const parts = compose(bank, []);
      const x = rnd();
      const count = x < 0.5 ? 1 : x < 0.7 ? int(2, 3) : x < 0.85 ? int(4, 8) : x < 0.95 ? int(9, 20) : int(20, 60);
      const start = t0 + rnd() * 60 * DAY;
      const help = rnd() < 0.003;
      for (let i = 0; i < count && ads.length < n; i++) {
        const city = cities[Math.min(cities.length - 1, Math.floor((i / count) * cities.length))]!;
        push({
          postedAt: start + i * DAY * (0.5 + rnd()),
          city,
          phones: help ? [phone, '+318000123456'] : [phone],
          age,
          names: [name],
          nationalities: rnd() < 0.2 ? [nat] : [],
          indicators: hits({ 'obfuscated-phone': 0.08, 'youth-language': 0.05, 'nationality-named': 0.15, reassurance: 0.15, 'movement-language': cities.length > 1 ? 0.6 : 0.08 }),
          templateText: render(bank, parts, city, i === 0 ? 0 : 0.3),
          imageHashes: photos.map((h) => (rnd() < 0.3 ? flip(h, int(1, 4)) : h)),
        }, { operator: op, kind: 'independent' });
      }
    } else if (r < 0.93) {
      // Agency: one booking line, several personas, one city, logo.
      const booking = newPhone();
      const city = pick(CITIES);
      const logo = hash64();
      const parts = compose(bank, [pick(bank.cats[9]!), pick(bank.cats[9]!)]);
      for (let p = int(4, 15); p > 0 && ads.length < n; p--) {
        const name = pick(NAMES);
        const age = int(19, 40);
        const photos = [...Array.from({ length: int(2, 5) }, hash64), logo];
        const looks = pick(bank.cats[2]!);
        for (let i = int(3, 12); i > 0 && ads.length < n; i--) {
          push({
            postedAt: t0 + rnd() * 60 * DAY,
            city,
            phones: [booking],
            emails: [`info@agency${op}.nl`],
            age,
            names: [name],
            nationalities: [pick(NATS)],
            indicators: [...hits({ 'nationality-named': 0.35, reassurance: 0.2 }), { code: 'agency-voice', weight: 0, evidence: 'our ladies' }],
            templateText: render(bank, [looks, ...parts], city, 0.2),
            imageHashes: photos,
          }, { operator: op, kind: 'agency' });
        }
      }
    } else {
      // Network: template with slots, phone pool, reused photos, circuit.
      const pool = Array.from({ length: int(1, 4) }, newPhone);
      const circuit = Array.from({ length: rnd() < 0.7 ? int(3, 6) : 1 }, () => pick(CITIES));
      const parts = compose(bank, [pick(bank.cats[10]!), pick(bank.cats[10]!)]);
      const photoPool: bigint[] = [];
      let day = t0 + rnd() * 40 * DAY;
      for (let p = int(2, 8); p > 0 && ads.length < n; p--) {
        const name = pick(NAMES);
        const age = int(18, 24);
        const nat = pick(NATS);
        const photos = Array.from({ length: int(2, 4) }, hash64);
        if (photoPool.length && rnd() < 0.6) photos.push(flip(pick(photoPool), int(1, 6)));
        photoPool.push(...photos);
        let phoneAt = int(0, pool.length - 1);
        let cityAt = int(0, circuit.length - 1);
        for (let i = int(2, 8); i > 0 && ads.length < n; i--) {
          if (rnd() < 0.4) {
            cityAt = (cityAt + 1) % circuit.length;
            day += DAY * (1 + rnd() * 3);
            if (rnd() < 0.5) phoneAt = (phoneAt + 1) % pool.length;
          } else day += rnd() * DAY;
          push({
            postedAt: day,
            city: circuit[cityAt]!,
            phones: [pool[phoneAt]!],
            age,
            names: [name],
            nationalities: [nat],
            indicators: hits({ 'obfuscated-phone': 0.5, 'youth-language': 0.45, 'nationality-named': 0.6, reassurance: 0.5, 'movement-language': 0.06 }),
            templateText: render(bank, parts, circuit[cityAt]!, 0.3),
            imageHashes: photos.map((h) => (rnd() < 0.4 ? flip(h, int(1, 4)) : h)),
          }, { operator: op, kind: 'network' });
        }
      }
    }
  }
  return { ads, truth };
}
