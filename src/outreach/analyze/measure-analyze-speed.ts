/**
 * Measures analyzeAd throughput on one core.
 *
 *   npx tsx src/outreach/analyze/measure-analyze-speed.ts [ADS.jsonl] [--ads N] [--unique-phones] [--seed S]
 *
 * Without a file it generates N (default 20,000) varied synthetic ads in-process: 10 languages and
 * scripts, titles ~60 and bodies ~400 characters, plain and obfuscated phone numbers (spelled out,
 * keycaps, full-width, letters for digits, emoji separators), e-mails, handles, prices, ages. By
 * default phones are drawn from a pool (numbers repeat across ads, as in real data); --unique-phones
 * gives every ad a new number (worst case for the libphonenumber cache, which is emptied before
 * every pass, as in one run over a file). Prints ads/s and us/ad of
 * CPU time (process.cpuUsage: less disturbed than wall time when other processes share the cores),
 * the best of several passes after a warm-up pass, the ratio to a bare JSON parse + stringify of the
 * same ads, and the cost of the main steps.
 */
import { readFileSync } from 'node:fs';
import type { AdRecord } from '../types.ts';
import { analyzeAd } from './analyze-ad.ts';
import { scanText } from './char-tables.ts';
import { detectLanguage } from './language.ts';
import { normaliseText } from './normalise.ts';
import { clearPhoneCache, phoneCacheSize } from './phones.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--') && args[i - 1] !== '--unique-phones'));

let seed = option('--seed', 42) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Bodies are padded with FILLER to the typical length of an ad (~400 characters).
const FILLER: Record<string, string> = {
  nl: ' Ik ben een lieve, spontane vrouw met een warme uitstraling. Hygiëne vind ik heel belangrijk. Kom gezellig langs, je zult er geen spijt van krijgen.',
  en: ' I am a sweet and spontaneous lady with a warm personality. Hygiene is very important to me. Visit me, you will not regret it.',
  ro: ' Sunt o femeie dulce și spontană, cu o personalitate caldă. Igiena este foarte importantă pentru mine. Vino, nu vei regreta.',
  es: ' Soy una mujer dulce y espontánea con una personalidad cálida. La higiene es muy importante para mí. Ven, no te arrepentirás.',
  pl: ' Jestem słodką i spontaniczną kobietą o ciepłym usposobieniu. Higiena jest dla mnie bardzo ważna. Przyjdź, nie pożałujesz.',
  hu: ' Kedves és spontán nő vagyok, meleg személyiséggel. A higiénia nagyon fontos számomra. Gyere el, nem fogod megbánni.',
  bg: ' Аз съм мила и спонтанна жена с топъл характер. Хигиената е много важна за мен. Ела, няма да съжаляваш.',
  ru: ' Я милая и спонтанная женщина с тёплым характером. Гигиена для меня очень важна. Приходи, не пожалеешь.',
  th: ' ฉันเป็นผู้หญิงน่ารักและเป็นกันเอง ความสะอาดสำคัญมากสำหรับฉัน มาหาฉันสิ แล้วคุณจะไม่เสียใจ',
  zh: ' 我是一个温柔可爱的女孩，非常注重卫生，欢迎来找我，你不会后悔的。',
};

const TEMPLATES: Record<string, [string, string][]> = {
  nl: [
    ['Nieuw in {city}! Lieve {nat} meid {name}', "Hoi heren, ik ben {name}, {age} jaar. Echte foto's, 100% echt. Ik ontvang je graag in mijn privé appartement in {city}. Ontspannen massage, knuffelen en meer. Discreet en veilig. Bel of app {phone}. Prijs {price} euro per uur. Geen anonieme nummers. Tot snel! {emoji}"],
    ['Sexy {name} ({age}) in {city}', 'Hallo, ik ben {name}. Ik ben een warme vrouw met mooie rondingen. Alleen deze week in {city}, bel me tussen 10 en 22 uur: {phone}. Half uur 80, 1 uur {price}€. Mail {email}. Kusjes {emoji}'],
  ],
  en: [
    ['New girl {name} in {city}, real pictures {emoji}', "Hi gentlemen, I'm {name}, {age} years old, sweet {nat} girl. 100% real photos, no fake. I'm available 24/7 for incall and outcall in {city}. Call me {phone} or telegram: @{handle}. {price}€/h. Serious gentlemen only, no private numbers. Kisses {emoji}"],
    ['{name} - relaxing massage {city}', 'Looking for a relaxing massage with a happy ending? I am {name} and I work in a clean and quiet place in {city}. Only this week! Call {phone}, text me on WhatsApp. 30 min 70, 1 hour {price} euro. Email {email}.'],
  ],
  ro: [['Fată {nat} nouă în oraș {emoji}', 'Bună, mă numesc {name}, am {age} ani. Poze reale 100%, discretă și sigură. Te aștept în {city}, sună-mă la {phone}. {price} euro ora. Fără numere private. Pupici {emoji}']],
  es: [['Latina {name} en {city} {emoji}', 'Hola cariño, me llamo {name}, tengo {age} años. Fotos reales, sin engaños. Estoy en {city} solo esta semana, llámame al {phone}. {price} euros la hora. Besos {emoji}']],
  pl: [['Nowa {nat} {name} w {city}', 'Cześć, jestem {name}, mam {age} lat. Prawdziwe zdjęcia, dyskretnie i bezpiecznie. Zapraszam do mojego mieszkania w {city}. Zadzwoń {phone}. {price} € za godzinę. {emoji}']],
  hu: [['{name} új a városban {emoji}', 'Szia, {name} vagyok, {age} éves magyar lány. Valódi képek, diszkréten és biztonságosan. Hívj: {phone}. {price} euro óránként. {city}. {emoji}']],
  bg: [['Нова съм в града {emoji}', 'Здравей, казвам се {name}, на {age} години съм. Истински снимки, дискретно и безопасно. Очаквам те в {city}, обади ми се на {phone}. {price} евро на час. {emoji}']],
  ru: [['Новенькая в {city} {emoji}', 'Привет, меня зовут {name}, мне {age} лет. Реальные фото, без обмана. Звони {phone} или пиши в телеграм @{handle}. {price} евро в час. {emoji}']],
  th: [['สาวไทยน่ารัก มาใหม่ {emoji}', 'สวัสดีค่ะ ฉันชื่อ{name} อายุ {age} ปี รูปจริง ปลอดภัย บริการดี ตลอด 24 ชั่วโมง โทร {phone} ไลน์ {handle} ราคา {price} ยูโร {city}']],
  zh: [['新到美女 {name} {emoji}', '你好，我叫{name}，{age}岁，真实照片，在{city}等你，电话 {phone}，一小时{price}欧元，微信 {handle}']],
};
const NAMES = ['Anna', 'Maria', 'Sanne', 'Ioana', 'Lucia', 'Kasia', 'Eva', 'Natasha', 'Lena', 'Nina', 'Bella', 'Jade', 'Mia'];
const CITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Breda', 'Arnhem', 'Antwerpen'];
const NATS = ['roemeense', 'romanian', 'latina', 'poolse', 'bulgarian', 'thai', 'hungarian', 'braziliaanse'];
const EMOJI = ['💋', '❤️', '🔥😘', '🌹', '', '✨💦'];
const SPELL = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const SPELL_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A valid Dutch mobile number, national format (06-1 ... 06-5). */
function national(): string {
  return `06${1 + Math.floor(random() * 5)}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
}
const phonePool = Array.from({ length: 3000 }, national);

function writePhone(digits: string): string {
  const style = random();
  if (style < 0.55) return `${digits.slice(0, 2)}-${digits.slice(2)}`;
  if (style < 0.65) return `+31 ${digits.slice(1, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`;
  if (style < 0.72) return [...digits].map((d) => pick([SPELL, SPELL_EN])[Number(d)]).join(' ');
  if (style < 0.78) return [...digits].map((d) => `${d}\uFE0F\u20E3`).join('');
  if (style < 0.84) return [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
  if (style < 0.9) return `${digits.slice(0, 2)} 💋 ${digits.slice(2, 6)} 💋 ${digits.slice(6)}`;
  if (style < 0.95) return `O${digits.slice(1, 4)} l${digits.slice(5)}`.replace(/^O/, 'O').replace(' l', ` ${digits[4]}`);
  return [...digits].join(' ');
}

function generate(n: number, uniquePhones: boolean): AdRecord[] {
  const langs = Object.keys(TEMPLATES);
  const ads: AdRecord[] = [];
  for (let i = 0; i < n; i++) {
    const lang = pick(langs);
    const [title, body] = pick(TEMPLATES[lang]!);
    const name = pick(NAMES);
    const fill = (s: string) =>
      s
        .replaceAll('{name}', name)
        .replaceAll('{city}', pick(CITIES))
        .replaceAll('{nat}', pick(NATS))
        .replaceAll('{age}', String(18 + Math.floor(random() * 20)))
        .replaceAll('{price}', String(50 + 10 * Math.floor(random() * 20)))
        .replaceAll('{phone}', writePhone(uniquePhones ? national() : pick(phonePool)))
        .replaceAll('{email}', `${name.toLowerCase()}${Math.floor(random() * 100)}@gmail.com`)
        .replaceAll('{handle}', `${name.toLowerCase()}_${Math.floor(random() * 1000)}`)
        .replaceAll('{emoji}', pick(EMOJI));
    ads.push({ id: `ad-${i}`, source: 'synthetic', country: 'NL', city: pick(CITIES), title: fill(title), body: fill(body) + FILLER[lang]! });
  }
  return ads;
}

const ads: AdRecord[] = file
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as AdRecord)
  : generate(option('--ads', 20_000), flag('--unique-phones'));

const totalChars = ads.reduce((sum, ad) => sum + (ad.title?.length ?? 0) + (ad.body?.length ?? 0), 0);
console.log(`${ads.length} ads${file ? ` from ${file}` : ' (synthetic)'}, average ${(totalChars / ads.length).toFixed(0)} characters of title + body`);

const lines = ads.map((ad) => JSON.stringify(ad));

/** Runs `fn` over all ads `passes` times; reports the best pass (least disturbed by other processes). */
function time(label: string, fn: (ad: AdRecord, i: number) => unknown, passes = 3): number {
  let best = Infinity;
  let bestWall = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    clearPhoneCache(); // as in one run over a file: each distinct number is parsed once
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < ads.length; i++) fn(ads[i]!, i);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, (cpu.user + cpu.system) / ads.length);
    bestWall = Math.min(bestWall, (wall * 1000) / ads.length);
  }
  console.log(
    `${label.padEnd(34)} ${(1e6 / best).toFixed(0).padStart(8)} ads/s  ${best.toFixed(2).padStart(7)} us/ad CPU  (${bestWall.toFixed(2)} us/ad wall)`,
  );
  return best;
}

time('warm-up (JIT), not counted', (ad, i) => analyzeAd(ad, i), 1);
const analyze = time('analyzeAd', (ad, i) => analyzeAd(ad, i), 5);
console.log(`  (${phoneCacheSize()} distinct digit strings went to libphonenumber-js per pass)`);
const json = time('baseline: JSON.parse + stringify', (_ad, i) => JSON.stringify(JSON.parse(lines[i]!)), 5);
console.log(`analyzeAd costs ${(analyze / json).toFixed(1)}x a JSON parse + stringify of the same ad`);
const text = (ad: AdRecord) => `${ad.title ?? ''}\n${ad.body ?? ''}`;
time('  part: normaliseText', (ad) => normaliseText(text(ad)));
time('  part: normaliseText + scanText', (ad) => scanText(normaliseText(text(ad)).text));
time('  part: detectLanguage', (ad) => detectLanguage(text(ad), { maxBytes: 160 }));
