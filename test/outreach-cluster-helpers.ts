/** Builders for clustering tests: hand-made AdFeatures and texts. */
import type { AdFeatures, IndicatorHit } from '../src/outreach/types.ts';

let seq = 0;

/** An AdFeatures with harmless defaults (no identifiers, no images, an empty text); override what matters. */
export function buildAdFeatures(overrides: Partial<AdFeatures> = {}): AdFeatures {
  const n = seq++;
  return {
    index: n,
    id: `ad-${n}`,
    source: 'test.example',
    postedAt: Date.UTC(2025, 2, 1) + n * 3_600_000,
    city: 'amsterdam',
    country: 'NL',
    language: 'en',
    phones: [],
    obfuscatedPhones: [],
    emails: [],
    handles: [],
    age: null,
    price: null,
    names: [],
    nationalities: [],
    indicators: [],
    templateText: '',
    imageHashes: [],
    ...overrides,
  };
}

/** Ads numbered 0..n-1 in order (AdFeatures.index is the position in the input). */
export function indexed(ads: AdFeatures[]): AdFeatures[] {
  return ads.map((a, index) => ({ ...a, index }));
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 're', 'sa', 'tu', 'ne', 'vi', 'da', 'po', 'ri', 'ge', 'ban', 'tor', 'lin', 'mel', 'qua', 'zor', 'fi', 'wen'];

/** A random text of `words` words over a large vocabulary: unrelated to any other random text. */
export function randomText(r: () => number, words = 60): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const len = 2 + Math.floor(r() * 3);
    let w = '';
    for (let j = 0; j < len; j++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    out.push(w);
  }
  return out.join(' ');
}

export type Slots = { name: string; age: string; city: string; phone: string };

export const TEMPLATE_EN =
  'Hello gentlemen, my name is {name} and I am {age} years young, new in {city} for a few days only. ' +
  'I am a sweet and open minded girl with long dark hair, green eyes and a natural body that you will love. ' +
  'I offer relaxing massage, girlfriend experience, dinner dates and much more, always discreet and clean. ' +
  'My apartment is private and safe, with free parking nearby and fresh towels and drinks for you. ' +
  'I speak English and a little German, and I like to take my time, no rush at all with me. ' +
  'Call or send a message to {phone} and I will answer you quickly, kisses and see you soon.';

export const TEMPLATE_BG =
  'Здравейте, аз съм {name}, на {age} години, нова съм в {city} само за няколко дни. ' +
  'Аз съм мило и отворено момиче с дълга тъмна коса, зелени очи и естествено тяло, което ще харесате. ' +
  'Предлагам релаксиращ масаж, приятна компания, вечери и много повече, винаги дискретно и чисто. ' +
  'Апартаментът ми е частен и сигурен, с безплатен паркинг наблизо и свежи кърпи и напитки за вас. ' +
  'Говоря английски и малко немски и обичам да не бързам, никакво бързане с мен. ' +
  'Обадете се или пишете на {phone} и ще ви отговоря бързо, целувки и до скоро.';

/** Thai written without any spaces, as many Thai ads are. */
export const TEMPLATE_TH =
  'สวัสดีค่ะฉันชื่อ{name}อายุ{age}ปีเพิ่งมาถึง{city}อยู่แค่ไม่กี่วันเท่านั้น' +
  'ฉันเป็นผู้หญิงน่ารักใจดีผมยาวสีดำตาสวยหุ่นเป็นธรรมชาติที่คุณจะต้องชอบ' +
  'บริการนวดผ่อนคลายนวดน้ำมันและเป็นแฟนชั่วคราวสะอาดปลอดภัยและเป็นความลับเสมอ' +
  'ห้องพักส่วนตัวเงียบสงบมีที่จอดรถฟรีมีผ้าเช็ดตัวสะอาดและเครื่องดื่มเย็นๆไว้ต้อนรับ' +
  'โทรหรือส่งข้อความมาที่{phone}แล้วฉันจะตอบกลับโดยเร็วที่สุดแล้วพบกันนะคะ';

export const TEMPLATE_ZH =
  '你好，我叫{name}，今年{age}岁，刚到{city}，只待几天。我是一个温柔可爱的女孩，长头发，大眼睛，身材自然，你一定会喜欢。' +
  '提供放松按摩、精油按摩和女友体验，干净卫生，安全私密，绝对保密。公寓安静私人，附近有免费停车，准备了干净毛巾和饮料。' +
  '请打电话或发信息到{phone}，我会尽快回复你，期待见到你。';

export function fill(template: string, s: Slots): string {
  return template.replace('{name}', s.name).replace('{age}', s.age).replace('{city}', s.city).replace('{phone}', s.phone);
}

/** A 64-bit hash with `bits` distinct bit positions flipped (deterministic for a given `r`). */
export function flipBits(h: bigint, bits: number, r: () => number): bigint {
  const positions = new Set<number>();
  while (positions.size < bits) positions.add(Math.floor(r() * 64));
  let out = h;
  for (const p of positions) out ^= 1n << BigInt(p);
  return out;
}

export function randomHash(r: () => number): bigint {
  return (BigInt(Math.floor(r() * 2 ** 32)) << 32n) | BigInt(Math.floor(r() * 2 ** 32));
}

export function hit(code: string, weight: number, evidence = code): IndicatorHit {
  return { code, weight, evidence };
}

/** Fisher-Yates shuffle with a seeded PRNG, returning a new array. */
export function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
