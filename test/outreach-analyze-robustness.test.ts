import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { PHOTO_SIZE, testPhotoPixels } from './helpers/test-photos.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeAd } from '../src/outreach/analyze/analyze-ad.ts';
import { dHashFile, dHashFromPixels, formatImageHash, hammingDistance, parseImageHashes } from '../src/outreach/analyze/image-hash.ts';
import type { AdFeatures, AdRecord } from '../src/outreach/types.ts';

function expectWellFormed(features: AdFeatures): void {
  expect(typeof features.language).toBe('string');
  expect(features.language === 'und' || /^[a-z]{2}$/.test(features.language)).toBe(true);
  for (const phone of features.phones) expect(phone).toMatch(/^\+[1-9][0-9]{6,14}$/);
  for (const phone of features.obfuscatedPhones) expect(features.phones).toContain(phone);
  for (const hit of features.indicators) {
    expect(typeof hit.weight).toBe('number');
    expect(hit.evidence.length).toBeGreaterThan(0);
    if (hit.span) expect(hit.span[0]).toBeLessThanOrEqual(hit.span[1]);
  }
  expect(typeof features.templateText).toBe('string');
}

describe('odd input never throws', () => {
  it('handles empty, emoji-only, control characters, lone surrogates and a huge body', () => {
    const records: AdRecord[] = [
      { id: '', source: '' },
      { id: 'e', source: 's', title: '', body: '' },
      { id: 'emoji', source: 's', title: '💋💋🔥', body: '❤️❤️❤️ 😘' },
      { id: 'ctrl', source: 's', title: '\u0000\u0001\u0002', body: 'a\u0007b\u001bc\u007f\u0085\ufeff' },
      { id: 'surrogate', source: 's', body: 'x\ud800y\udc00z 06 1234 5678' },
      { id: 'huge', source: 's', title: 'x', body: `${'Nieuw in de stad, bel 0612345678! '.repeat(50_000)}` },
      { id: 'digits', source: 's', body: '1'.repeat(10_000) },
      { id: 'rtl', source: 's', body: 'مرحبا ٠٦١٢٣٤٥٦٧٨ שלום' },
    ];
    for (const record of records) expectWellFormed(analyzeAd(record, 0));
    expect(analyzeAd(records[5]!, 0).phones).toEqual(['+31612345678']);
  });

  it('treats wrongly typed fields as absent', () => {
    const weird = {
      id: 5,
      source: null,
      title: { a: 1 },
      body: ['x'],
      phones: 'not an array',
      emails: [1, null, 'A@B.nl'],
      handles: [{}],
      country: 31,
      city: 7,
      age: 'old',
      postedAt: 12,
      imageHashes: 'ffffffffffffffff',
    } as unknown as AdRecord;
    const features = analyzeAd(weird, 3);
    expectWellFormed(features);
    expect(features.index).toBe(3);
    expect(features.emails).toEqual(['a@b.nl']);
    expect(features.imageHashes).toEqual([]);
    expect(features.age).toBeNull();
  });

  it('survives arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (title, body) => {
        expectWellFormed(analyzeAd({ id: 'p', source: 's', title, body }, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same record gives the same features', () => {
    const record: AdRecord = { id: 'd', source: 's', title: 'Nieuw! Anna 21 jaar', body: 'nul zes 1234 5678, anna at gmail dot com' };
    expect(analyzeAd(record, 1)).toEqual(analyzeAd(record, 1));
  });
});

describe('image hashes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-dhash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses and formats 16-hex-digit hashes', () => {
    expect(parseImageHashes(['00000000000000FF', ' 8000000000000001 ', '0x0000000000000010', 'zz', 42])).toEqual([0xffn, 0x8000000000000001n, 0x10n]);
    expect(formatImageHash(0xffn)).toBe('00000000000000ff');
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
  });

  it('reads exactly the hashes BigInt reads, each once (property)', () => {
    const reference = (values: unknown[]): bigint[] => {
      const out: bigint[] = [];
      for (const v of values) {
        if (typeof v !== 'string') continue;
        let hex = v.length === 16 ? v : v.trim();
        if (hex.length === 18 && /^0[xX]/.test(hex)) hex = hex.slice(2);
        if (!/^[0-9a-fA-F]{16}$/.test(hex)) continue;
        const h = BigInt(`0x${hex}`);
        if (!out.includes(h)) out.push(h);
      }
      return out;
    };
    const hexChar = fc.constantFrom(...'0123456789abcdefABCDEFgxX \u0660'.split(''));
    const candidate = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((b) => b.toString(16).padStart(16, '0')),
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((b) => ` 0X${b.toString(16).toUpperCase().padStart(16, '0')}`),
      fc.array(hexChar, { minLength: 14, maxLength: 20 }).map((cs) => cs.join('')),
      fc.constant(42),
    );
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 6 }), (values) => {
        expect(parseImageHashes(values)).toEqual(reference(values));
      }),
      { numRuns: 2000 },
    );
  });

  it('computes dHash bits from 9x8 pixels, left brighter than right = 1, row-major, MSB first', () => {
    const falling = new Uint8Array(72).map((_, i) => 255 - (i % 9) * 20); // every row falls left to right
    expect(dHashFromPixels(falling)).toBe(0xffffffffffffffffn);
    const rising = new Uint8Array(72).map((_, i) => (i % 9) * 20);
    expect(dHashFromPixels(rising)).toBe(0n);
    const firstRowOnly = new Uint8Array(72).map((_, i) => (i < 9 ? 255 - i * 20 : i % 9));
    expect(dHashFromPixels(firstRowOnly)).toBe(0xff00000000000000n);
  });

  it('hashes image files so that resized and recompressed copies stay close and other images do not', async () => {
    const pixels = testPhotoPixels();
    const original = path.join(dir, 'a.png');
    const copy = path.join(dir, 'a-small.jpg');
    const other = path.join(dir, 'b.png');
    await sharp(pixels, { raw: PHOTO_SIZE }).png().toFile(original);
    await sharp(original).resize(160, 120).jpeg({ quality: 60 }).toFile(copy);
    await sharp(pixels, { raw: PHOTO_SIZE }).flop().png().toFile(other);
    const [a, b, c] = await Promise.all([dHashFile(original), dHashFile(copy), dHashFile(other)]);
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a, c)).toBeGreaterThan(20);
    await expect(dHashFile(path.join(dir, 'missing.png'))).rejects.toThrow();
  });
});
