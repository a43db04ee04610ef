/**
 * Regenerates src/outreach/lexicons/language-model.bin from the n-gram database of the `eld`
 * package (Nito-ELD, Apache-2.0, https://github.com/nitotm/efficient-language-detector-js).
 *
 * Why a converted copy: eld's own detector costs 50-150 us per short text and its "small" database
 * takes ~0.5 s and ~46 MB of heap to import as a JavaScript object literal (the "large" one 2.9 s and
 * 139 MB) - per worker thread. language-model.ts scores the same n-grams from typed arrays instead
 * (see the measurements at the top of language.ts). The binary loads in a few milliseconds.
 *
 *   npx tsx src/outreach/analyze/build-language-model.ts [small|medium|large|extrasmall]
 *
 * Format (gzip of): "BKLM", version u8, nLangs u8, nLangs x 2 ASCII bytes, nLangs x u16 average score
 * (x1000), nKeys u32 LE, then per key: length u8, bytes, count u8, count x (language u8, score u8).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

type EldData = { type: string; languages: Record<string, string>; ngrams: Record<string, Record<string, number>> };

const size = process.argv[2] ?? 'small';
const entryUrl = import.meta.resolve(`eld/${size}`); // .../eld/src/entries/static.<size>.js
const { ngramsData } = (await import(new URL(`../ngrams/${size}.js`, entryUrl).href)) as { ngramsData: EldData };
const { dictionary } = (await import(new URL('../dictionary.js', entryUrl).href)) as { dictionary: string[] };
const { avgScore } = (await import(new URL('../avgScore.js', entryUrl).href)) as { avgScore: Record<string, number> };

// eld encodes each UTF-8 byte >= 0x80 as one character from `dictionary`; ASCII letters and
// apostrophes stand for themselves and ' ' marks a word boundary.
const byteOf = new Map<string, number>();
for (let b = 0x80; b < 0x100; b++) {
  const ch = dictionary[b]!;
  if (ch === ' ') continue;
  if (byteOf.has(ch)) throw new Error(`ambiguous dictionary character ${ch}`);
  byteOf.set(ch, b);
}

const langCodes = Object.keys(ngramsData.languages)
  .map(Number)
  .sort((a, b) => a - b)
  .map((i) => ngramsData.languages[String(i)]!);

const chunks: number[] = [];
const push = (...bytes: number[]) => chunks.push(...bytes);
for (const ch of 'BKLM') push(ch.charCodeAt(0));
push(1, langCodes.length);
for (const code of langCodes) push(code.charCodeAt(0), code.charCodeAt(1));
for (const code of langCodes) {
  const v = Math.round((avgScore[code] ?? 0.8) * 1000);
  push(v & 0xff, v >> 8);
}
const keys = Object.keys(ngramsData.ngrams).sort();
push(keys.length & 0xff, (keys.length >> 8) & 0xff, (keys.length >> 16) & 0xff, keys.length >>> 24);
for (const key of keys) {
  const bytes = [...key].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80 && (ch === ' ' || ch === "'" || ch === '`' || (code >= 97 && code <= 122))) return code;
    const b = byteOf.get(ch);
    if (b === undefined) throw new Error(`unexpected character ${JSON.stringify(ch)} in key ${JSON.stringify(key)}`);
    return b;
  });
  const langs = Object.entries(ngramsData.ngrams[key]!);
  push(bytes.length, ...bytes, langs.length);
  for (const [lang, score] of langs) push(Number(lang), score);
}

const out = new URL('../lexicons/language-model.bin', import.meta.url);
const gz = gzipSync(Uint8Array.from(chunks), { level: 9 });
writeFileSync(out, gz);
console.log(`eld ${ngramsData.type}: ${langCodes.length} languages, ${keys.length} n-grams -> ${out.pathname} (${gz.length} bytes)`);
