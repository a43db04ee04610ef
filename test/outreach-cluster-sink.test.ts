import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../src/outreach/cluster/config.ts';
import { fmix32 } from '../src/outreach/cluster/hash.ts';
import { IdentifierIndex } from '../src/outreach/cluster/identifiers.ts';
import { equalBinsAtLeast, estimateJaccard, MinHasher } from '../src/outreach/cluster/minhash.ts';
import { isNameDerived } from '../src/outreach/cluster/name-derived.ts';
import { TextIndex } from '../src/outreach/cluster/text-index.ts';
import { buildAdFeatures, randomText, rng } from './outreach-cluster-helpers.ts';

/** The signature as first written (one branch per bin, donors hashed on every probe): the reference. */
function referenceSignature(k: number, shingles: Uint32Array): { own: number; sig: number[] } {
  const bits = Math.round(Math.log2(k));
  const mins: number[] = Array.from({ length: k }, () => 0xffffffff);
  for (const h of shingles) {
    const bin = h >>> (32 - bits);
    const v = h & ((1 << (32 - bits)) - 1);
    if (v < mins[bin]!) mins[bin] = v;
  }
  let own = 0;
  for (let j = 0; j < Math.min(k, 32); j++) if (mins[j] !== 0xffffffff) own |= 1 << j;
  if (mins.every((m) => m === 0xffffffff)) return { own: 0, sig: Array.from({ length: k }, () => 0) };
  const sig = mins.map((m, j) => {
    for (let t = 1; m === 0xffffffff; t++) {
      const donor = fmix32((Math.imul(j + 1, 0x9e3779b1) + Math.imul(t, 0x85ebca6b)) >>> 0) & (k - 1);
      m = mins[donor]!;
    }
    return (m >>> (32 - bits - 16)) & 0xffff;
  });
  return { own: own >>> 0, sig };
}

describe('MinHash signatures and their comparison', () => {
  it('are the reference signatures, sparse and dense inputs alike (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(16, 64, 256), fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), (k, xs) => {
        const shingles = Uint32Array.from(xs);
        const sigs = new Uint16Array(k);
        const own = new MinHasher(k).signatureInto(shingles, shingles.length, sigs, 0);
        const ref = referenceSignature(k, shingles);
        expect(own).toBe(ref.own);
        expect(Array.from(sigs)).toEqual(ref.sig);
      }),
      { numRuns: 500 },
    );
  });

  it('count equal bins when at least the given number are equal, else -1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 128, maxLength: 128 }), fc.integer({ min: 0, max: 66 }), (values, atLeast) => {
        const sigs = Uint16Array.from(values);
        const equal = Math.round(estimateJaccard(sigs, 64, 0, 1) * 64);
        expect(equalBinsAtLeast(sigs, 64, 0, 1, atLeast)).toBe(equal >= atLeast ? equal : -1);
      }),
    );
  });
});

describe('text index', () => {
  it('counts stock bins the same whether texts arrive before or after the first question (property)', () => {
    const cfg = { ...defaultClusterConfig.text, k: 64 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 40 }), (seed, n, split) => {
        const r = rng(seed);
        const stock = randomText(r, 30);
        const texts = Array.from({ length: n }, () => `${r() < 0.5 ? stock : ''} ${randomText(r, 20)}`);
        const once = new TextIndex(cfg);
        for (const t of texts) once.add(t);
        const twice = new TextIndex(cfg);
        const cut = Math.min(split, n);
        for (const t of texts.slice(0, cut)) twice.add(t);
        for (let u = 0; u < twice.count; u++) twice.stockShare(u, 2);
        for (const t of texts.slice(cut)) twice.add(t);
        for (let u = 0; u < once.count; u++) for (const df of [1, 2, 3]) expect(twice.stockShare(u, df)).toBe(once.stockShare(u, df));
      }),
      { numRuns: 60 },
    );
  });
});

/** isNameDerived as first written, with Unicode regular expressions throughout: the reference. */
function referenceNameDerived(identifier: string, names: readonly string[]): boolean {
  const decorations = new Set(['x', 'xx', 'xxx', 'xo', 'xoxo', 'love', 'lover', 'lovely', 'vip', 'sexy', 'hot', 'baby', 'babe', 'real', 'official', 'the', 'miss', 'mrs', 'ms', 'lady', 'girl', 'escort', 'sweet', 'kiss', 'kisses', 'private', 'new', 'only', 'me', 'its', 'im']);
  const isDecorations = (w: string): boolean => {
    if (w.length > 40) return false;
    const ok = [true];
    for (let i = 1; i <= w.length; i++) {
      ok[i] = false;
      for (let j = Math.max(0, i - 8); j < i && !ok[i]; j++) if (ok[j] && decorations.has(w.slice(j, i))) ok[i] = true;
    }
    return ok[w.length] === true;
  };
  const noise = (rest: string): boolean => {
    let digits = 0;
    for (const token of rest.split(/[^\p{L}\p{N}]+/u)) {
      if (token === '') continue;
      const m = /^(\p{L}*)(\p{N}*)$/u.exec(token);
      if (!m || (m[1] !== '' && !isDecorations(m[1]!))) return false;
      digits += m[2]!.length;
    }
    return digits <= 2;
  };
  let local = identifier;
  const at = local.indexOf('@');
  if (at >= 0) local = local.slice(0, at);
  const colon = local.lastIndexOf(':');
  if (colon >= 0) local = local.slice(colon + 1);
  local = local.toLowerCase();
  const tooShort = [...local].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length < 5;
  if (noise(local) || (at < 0 && tooShort)) return true;
  return names.some((name) => {
    const i = name.length < 2 ? -1 : local.indexOf(name);
    return i >= 0 && noise(local.slice(0, i)) && noise(local.slice(i + name.length));
  });
}

describe('name-derived identifiers', () => {
  it('are judged as by the Unicode regular expressions, on ASCII and other text alike (property)', () => {
    const part = fc.constantFrom('anna', 'lisa', 'love', 'vip', 'x', 'lady', '69', '7', '2024', '_', '.', '-', ':', '@', 'é', 'ü', '²', '٣', '😀', 'Ä', 'b4', 'q');
    const identifier = fc.array(part, { maxLength: 7 }).map((xs) => xs.join(''));
    const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('anna', 'lisa', 'ü', 'é') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
    for (const [id, names] of [['telegram:anna697', ['anna']], ['lisa_69_7@x.nl', ['lisa']], ['telegram:vip2024', []], ['ladylove_7', []]] as const) {
      expect(isNameDerived(id, names)).toBe(referenceNameDerived(id, names));
    }
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: identifier }, { weight: 1, arbitrary: fc.string() }), fc.array(name, { maxLength: 2 }), (id, names) => {
        expect(isNameDerived(id, names)).toBe(referenceNameDerived(id, names));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('identifier index', () => {
  it('gives one shared list per number for ads with one indexed phone, and null otherwise', () => {
    const ids = new IdentifierIndex(16);
    ids.add(buildAdFeatures({ phones: ['+31611112222'] }), 0);
    const first = ids.lastPhones();
    expect(first).toEqual(['+31611112222']);
    expect(Object.isFrozen(first)).toBe(true);
    ids.add(buildAdFeatures({ phones: [`+3161111${'2222'}`] }), 1);
    expect(ids.lastPhones()).toBe(first);
    for (const phones of [[], ['+31612345678'], ['+31611112222', '+31633334444'], ['']]) {
      ids.add(buildAdFeatures({ phones }), 2);
      expect(ids.lastPhones()).toBeNull();
    }
  });

  it('flags exactly the identifiers some ad gives as derived from its names (property)', () => {
    const name = fc.constantFrom('anna', 'lisa', 'sanne', 'jessica', 'x');
    const handle = fc.constantFrom('telegram:annaxx', 'telegram:lisa_love', 'anna@mail.nl', 'telegram:vb7731', 'instagram:sanne.xx', 'lady_love@x.nl');
    const ad = fc.record({ names: fc.array(name, { maxLength: 2 }), handles: fc.array(handle, { maxLength: 2 }), emails: fc.array(handle, { maxLength: 1 }) });
    fc.assert(
      fc.property(fc.array(ad, { maxLength: 25 }), (ads) => {
        const ids = new IdentifierIndex(16);
        const expected = new Map<string, boolean>();
        ads.forEach((a, i) => {
          ids.add(buildAdFeatures({ ...a, phones: [] }), i);
          for (const v of [...a.emails, ...a.handles]) expected.set(v, (expected.get(v) ?? false) || isNameDerived(v, a.names));
        });
        const flags = new Map<string, boolean>();
        ids.labels.forEach((label, g) => flags.set(label, (flags.get(label) ?? false) || ids.nameDerived.data[g] === 1));
        expect(flags).toEqual(expected);
      }),
    );
  });
});
