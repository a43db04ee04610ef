import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../src/outreach/io/json-bytes.ts';
import { checkAd } from '../src/outreach/io/parse-ad-line.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Any UTF-16 string, lone surrogates and control characters included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((xs) => String.fromCharCode(...xs));
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), units, fc.constantFrom('', '"', '\\', '\n', '\u2028', 'é😀', '\ud800', '\udc00x'));

function bytesOf(write: (b: JsonBytes) => void, capacity = 16): Uint8Array {
  const b = new JsonBytes(capacity);
  write(b);
  return b.buf.slice(0, b.used);
}

describe('JsonBytes', () => {
  it('writes a string as the UTF-8 bytes of JSON.stringify (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(bytesOf((b) => b.string(s))).toEqual(encoder.encode(JSON.stringify(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes numbers as JSON.stringify does, non-finite ones as null (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, 1e21, 5e-7)), (x) => {
        expect(decoder.decode(bytesOf((b) => b.number(x)))).toBe(JSON.stringify(x));
      }),
    );
  });

  it('grows while pieces are appended, keeping what was written, and starts afresh after take', () => {
    const b = new JsonBytes(16);
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const s = `é${'x'.repeat(i % 37)}😀"${i}`;
      b.string(s);
      b.byte(0x2c);
      b.ascii(String(i));
      b.bytes(encoder.encode(`[${i}]`));
      parts.push(`${JSON.stringify(s)},${i}[${i}]`);
    }
    const taken = b.take(8);
    expect(decoder.decode(taken)).toBe(parts.join(''));
    expect(b.used).toBe(0);
    b.text('ok');
    expect(decoder.decode(b.buf.subarray(0, b.used))).toBe('ok');
  });
});

describe('ad records', () => {
  it('accept exactly the image hashes of 16 hexadecimal digits (property)', () => {
    const hexLike = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFgG \u0010\u0019/:@`'.split('')), minLength: 15, maxLength: 17 });
    fc.assert(
      fc.property(fc.oneof(hexLike, units), (h) => {
        expect(checkAd({ id: 'a', imageHashes: [h] }).ok).toBe(/^[0-9a-fA-F]{16}$/.test(h));
      }),
      { numRuns: 2000 },
    );
  });
});
