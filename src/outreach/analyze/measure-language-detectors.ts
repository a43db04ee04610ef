/**
 * Measures language detectors on short ad-like texts: accuracy (whole samples, 3-word fragments,
 * and "ad" texts of title + body with phone numbers and emoji) and speed (us per text).
 *
 *   npx tsx src/outreach/analyze/measure-language-detectors.ts [--quick]
 *
 * Each detector is timed in a loop of at least 0.5 s after a warm-up; all run in this one process.
 */
import { franc } from 'franc';
import { eld as eldLarge } from 'eld/large';
import { eld as eldSmall } from 'eld/small';
import * as tinyld from 'tinyld';
import { defaultAnalyzeConfig } from './analyze-ad.ts';
import { scanText } from './char-tables.ts';
import { compileConfig } from './compile-config.ts';
import { detectLanguage, voteLanguage } from './language.ts';
import { languageSamples } from './language-samples.ts';
import { normaliseText } from './normalise.ts';

const compiled = compileConfig(defaultAnalyzeConfig);
let voted = 0;
/** What analyzeAd does: function-word vote from the phrase matcher's pass, else n-grams (160 bytes). */
function analyzePath(t: string): string {
  const text = normaliseText(t).text;
  const scan = scanText(text);
  compiled.matcher.match(scan.folded, scan.hasUnspaced);
  const vote = scan.scripts === null ? voteLanguage(compiled.matcher.classCounts(), compiled.voteLanguages) : null;
  if (vote) voted++;
  return vote ?? detectLanguage(text, { maxBytes: 160 }, scan);
}

const ISO3: Record<string, string> = {
  nld: 'nl', eng: 'en', ron: 'ro', spa: 'es', hun: 'hu', bul: 'bg', pol: 'pl', tha: 'th', cmn: 'zh', rus: 'ru',
  ukr: 'uk', deu: 'de', fra: 'fr', por: 'pt', ita: 'it',
};

const detectors: Record<string, (text: string) => string> = {
  'franc 6.2': (t) => ISO3[franc(t)] ?? franc(t),
  'tinyld 1.3': (t) => tinyld.detect(t),
  'eld 2.1 large': (t) => eldLarge.detect(t).language,
  'eld 2.1 small': (t) => eldSmall.detect(t).language,
  'eld small, reliable else und': (t) => {
    const r = eldSmall.detect(t);
    return r.isReliable() ? r.language : 'und';
  },
  'baken detectLanguage (n-grams)': (t) => detectLanguage(t),
  '  same, minLetters 6': (t) => detectLanguage(t, { minLetters: 6 }),
  '  same, margin 0.01': (t) => detectLanguage(t, { minMargin: 0.01 }),
  '  same, maxBytes 160': (t) => detectLanguage(t, { maxBytes: 160 }),
  'baken analyzeAd path (vote+n-grams)': analyzePath,
};

type Case = { lang: string; text: string };
const whole: Case[] = [];
const fragments: Case[] = [];
const ads: Case[] = [];
for (const [lang, texts] of Object.entries(languageSamples)) {
  texts.forEach((text, i) => {
    whole.push({ lang, text });
    fragments.push({ lang, text: text.split(/\s+/).slice(0, 3).join(' ') });
    const other = texts[(i + 3) % texts.length]!;
    ads.push({ lang, text: `${text.slice(0, 40)} 💋 06-1234 5678\n${other} ${text} ❤️ 150€/h ${other}`.slice(0, 460) });
  });
}

const quick = process.argv.includes('--quick');

function accuracy(detect: (t: string) => string, cases: Case[]): { acc: number; und: number; accAnswered: number } {
  let ok = 0;
  let und = 0;
  for (const { lang, text } of cases) {
    const got = detect(text);
    if (got === lang) ok++;
    else if (got === 'und') und++;
  }
  return { acc: ok / cases.length, und, accAnswered: ok / Math.max(1, cases.length - und) };
}

/** CPU microseconds per text (process.cpuUsage, best of 3 rounds: other processes share the cores). */
function microseconds(detect: (t: string) => string, cases: Case[]): number {
  for (let i = 0; i < 300; i++) detect(cases[i % cases.length]!.text);
  const budget = quick ? 100 : 400;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let n = 0;
    while (performance.now() - t0 < budget) {
      for (const c of cases) detect(c.text);
      n += cases.length;
    }
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / n);
  }
  return best;
}

const rows: string[][] = [['detector', 'acc samples', 'acc 3 words', 'und 3 words', 'acc ads', 'us/sample', 'us/ad (460 ch)']];
for (const [name, detect] of Object.entries(detectors)) {
  const a = accuracy(detect, whole);
  const f = accuracy(detect, fragments);
  const d = accuracy(detect, ads);
  rows.push([
    name,
    a.acc.toFixed(3),
    `${f.acc.toFixed(3)} (${f.accAnswered.toFixed(3)} answered)`,
    String(f.und),
    d.acc.toFixed(3),
    microseconds(detect, whole).toFixed(1),
    microseconds(detect, ads).toFixed(1),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(`\n${whole.length} samples, ${Object.keys(languageSamples).length} languages; fragments = first 3 words; ads = title + body with phone and emoji.`);
voted = 0;
for (const c of ads) analyzePath(c.text);
console.log(`analyzeAd path: the function-word vote decided ${voted} of ${ads.length} ad texts (the rest went to the n-grams).`);

const misses: string[] = [];
for (const { lang, text } of fragments) {
  const got = detectLanguage(text);
  if (got !== lang) misses.push(`${lang}->${got} "${text}"`);
}
console.log(`baken misses on fragments: ${misses.join('; ') || 'none'}`);
