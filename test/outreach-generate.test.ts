import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, quotas, type GenerateSummary } from '../src/outreach/generate/generate-corpus.ts';
import { Rng } from '../src/outreach/generate/prng.ts';
import { readAllAds } from '../src/outreach/io/read-ads.ts';
import type { AdRecord, TruthRecord } from '../src/outreach/types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-gen-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function generate(ads: number, seed: string, name = `${ads}-${seed}`) {
  const out = path.join(dir, `${name}.jsonl`);
  const truth = path.join(dir, `${name}.truth.jsonl`);
  const summary = await generateCorpus({ ads, seed, out, truth });
  return { out, truth, summary };
}

const readTruth = (p: string): TruthRecord[] =>
  fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TruthRecord);

const hamming = (a: string, b: string) => {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
};

describe('Rng', () => {
  it('is deterministic by seed and spreads values evenly', () => {
    const a = new Rng('s');
    const b = new Rng('s');
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).toEqual(xs);
    expect(new Rng('t').next()).not.toBe(xs[0]);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (const x of xs) buckets[Math.floor(x * 10)]! += 1;
    for (const c of buckets) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});

describe('generateCorpus', () => {
  let ads: AdRecord[];
  let truth: TruthRecord[];
  let summary: GenerateSummary;

  beforeAll(async () => {
    const g = await generate(6000, 'test');
    const read = await readAllAds(g.out);
    expect(read.malformed).toEqual([]);
    ads = read.ads;
    truth = readTruth(g.truth);
    summary = g.summary;
  });

  it('is deterministic by seed', async () => {
    const a = await generate(800, 'same', 'a');
    const b = await generate(800, 'same', 'b');
    const c = await generate(800, 'other', 'c');
    expect(fs.readFileSync(a.out, 'utf8')).toBe(fs.readFileSync(b.out, 'utf8'));
    expect(fs.readFileSync(a.truth, 'utf8')).toBe(fs.readFileSync(b.truth, 'utf8'));
    expect(fs.readFileSync(a.out, 'utf8')).not.toBe(fs.readFileSync(c.out, 'utf8'));
  });

  it('writes exactly the asked number of ads, each with a truth line in the same order', () => {
    expect(ads).toHaveLength(6000);
    expect(truth).toHaveLength(6000);
    expect(summary.ads).toBe(6000);
    expect(truth.map((t) => `${t.source}/${t.id}`)).toEqual(ads.map((a) => `${a.source}/${a.id}`));
    expect(new Set(ads.map((a) => `${a.source}/${a.id}`)).size).toBe(6000);
  });

  it('writes ads in posting order, spread over weeks', () => {
    const times = ads.map((a) => Date.parse(a.postedAt!));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect((times[times.length - 1]! - times[0]!) / 86_400_000).toBeGreaterThan(28);
  });

  it('has the three kinds of operator in realistic shares', () => {
    const share = (k: string) => truth.filter((t) => t.kind === k).length / truth.length;
    expect(share('network')).toBeGreaterThanOrEqual(0.01);
    expect(share('network')).toBeLessThanOrEqual(0.03);
    expect(share('agency')).toBeGreaterThanOrEqual(0.05);
    expect(share('agency')).toBeLessThanOrEqual(0.1);
    expect(truth.every((t) => t.exploited === (t.kind === 'network'))).toBe(true);
    expect(quotas(30)).toEqual({ network: 3, agency: 3, independent: 24 });
  });

  it('gives each truth group one kind, and the ad kinds their structure', () => {
    const groups = new Map<string, { kind: string; ads: AdRecord[] }>();
    truth.forEach((t, i) => {
      const g = groups.get(t.operatorId) ?? { kind: t.kind, ads: [] };
      expect(g.kind).toBe(t.kind);
      g.ads.push(ads[i]!);
      groups.set(t.operatorId, g);
    });
    const of = (kind: string) => [...groups.values()].filter((g) => g.kind === kind);
    // Agencies: several personas behind one booking line, in one city.
    for (const g of of('agency').filter((x) => x.ads.length >= 10)) {
      expect(new Set(g.ads.map((a) => a.city)).size).toBe(1);
    }
    // Networks: some move between cities, some rotate phones, some reuse photos across ads with a few bits changed.
    const networks = of('network');
    expect(networks.some((g) => new Set(g.ads.map((a) => a.city)).size >= 2)).toBe(true);
    const reused = networks.some((g) => {
      const hashes = g.ads.flatMap((a) => a.imageHashes ?? []);
      return hashes.some((h, i) => hashes.some((k, j) => j > i && h !== k && hamming(h, k) <= 6));
    });
    expect(reused).toBe(true);
    // Independents: most post one or a few ads, some repost many times.
    const sizes = of('independent').map((g) => g.ads.length);
    expect(sizes.filter((s) => s === 1).length / sizes.length).toBeGreaterThan(0.3);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(15);
  });

  it('writes many languages, including Cyrillic, Thai and Chinese text', () => {
    const bodies = ads.map((a) => a.body!);
    expect(bodies.some((b) => /[\u0400-\u04FF]{4}/.test(b))).toBe(true);
    expect(bodies.some((b) => /[\u0E00-\u0E7F]{6}/.test(b))).toBe(true);
    expect(bodies.some((b) => /[\u4E00-\u9FFF]{3}/.test(b))).toBe(true);
    for (const word of ['Hallo', 'Hello', 'Bună', 'Hola', 'Szia', 'Cześć']) expect(bodies.some((b) => b.includes(word))).toBe(true);
  });

  it('obfuscates numbers in every style, more often in networks', () => {
    const bodies = ads.map((a) => a.body!).join('\n');
    expect(bodies).toMatch(/\d\uFE0F?\u20E3/); // emoji keycaps
    expect(bodies).toMatch(/[\uFF10-\uFF19]{3}/); // full-width digits
    expect(bodies).toMatch(/\b(nul|zero|cero|zes|six|seis|sześć|szesc|șase|sase)\b/i); // spelled out
    const rate = (k: string) => {
      const ts = truth.filter((t) => t.kind === k);
      return ts.filter((t) => t.obfuscatedPhones.length > 0).length / ts.length;
    };
    expect(rate('network')).toBeGreaterThan(2 * rate('independent'));
    expect(rate('independent')).toBeGreaterThan(0.02);
    // An obfuscated number is never also given in the clean phone field.
    truth.forEach((t, i) => {
      if (t.obfuscatedPhones.length) expect(ads[i]!.phones).toBeUndefined();
    });
  });

  it('writes valid phone numbers, and numbers that unrelated advertisers share', () => {
    for (const t of truth) for (const p of t.obfuscatedPhones) expect(parsePhoneNumberFromString(p)?.isValid(), p).toBe(true);
    for (const a of ads) for (const p of a.phones ?? []) expect(parsePhoneNumberFromString(p, a.country as 'NL')?.isValid(), p).toBe(true);
    const operatorsOf = new Map<string, Set<string>>();
    ads.forEach((a, i) => {
      const digits = `${a.body}`.replace(/\D/g, '');
      for (const generic of ['612345678', '852084411', '8000123456']) {
        if (!digits.includes(generic)) continue;
        const s = operatorsOf.get(generic) ?? new Set();
        s.add(truth[i]!.operatorId);
        operatorsOf.set(generic, s);
      }
    });
    expect(Math.max(0, ...[...operatorsOf.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3);
  });

  it('does not make templates a network-only trait: independents share stock phrases and whole paragraphs', () => {
    const phrase = 'Discretion guaranteed.';
    const kinds = new Set(truth.filter((_, i) => ads[i]!.body!.includes(phrase)).map((t) => t.kind));
    expect(kinds.has('independent')).toBe(true);
    const operators = new Set(truth.filter((t, i) => t.kind === 'independent' && ads[i]!.body!.includes(phrase)).map((t) => t.operatorId));
    expect(operators.size).toBeGreaterThan(20);
  });

  it('does not make a stated age of 18-23 (tested: no predictor) a network marker', () => {
    const young = (k: string) => {
      const stated = truth.map((t, i) => ({ t, age: ads[i]!.age })).filter((x) => x.t.kind === k && x.age !== undefined);
      return stated.filter((x) => x.age! <= 23).length / stated.length;
    };
    expect(young('independent')).toBeGreaterThan(0.15);
    expect(young('network') / young('independent')).toBeLessThan(2.5);
  });

  it('keeps titles and bodies within realistic lengths, with valid hashes and unknown fields', () => {
    const inRange = (xs: number[], lo: number, hi: number) => xs.filter((x) => x >= lo && x <= hi).length / xs.length;
    expect(inRange(ads.map((a) => a.title!.length), 20, 80)).toBeGreaterThan(0.98);
    expect(inRange(ads.map((a) => a.body!.length), 100, 800)).toBeGreaterThan(0.99);
    for (const a of ads) for (const h of a.imageHashes ?? []) expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(ads.every((a) => typeof a.extra?.category === 'string')).toBe(true);
    expect(ads.every((a) => ['NL', 'BE', 'DE'].includes(a.country!))).toBe(true);
  });
});
