import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostedAt } from '../src/outreach/analyze/posted-at.ts';

const reference = (s: unknown): number | null => {
  if (typeof s !== 'string') return null;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** ISO-like strings around the everyday forms, with fields in and out of range. */
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.000', '.5', '.123', '.9999', '.x12'),
    zone: fc.constantFrom('Z', '+01:00', '-05:30', '+14:00', '+24:00', '-00:60', '', 'z', '+0100', ' Z'),
  })
  .map((f) => `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${f.fraction}${f.zone}`);

describe('parsePostedAt', () => {
  it('answers as Date.parse for ISO-like strings, valid or not (property)', () => {
    fc.assert(
      fc.property(isoLike, (s) => {
        expect(parsePostedAt(s), s).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers as Date.parse for other forms and other types', () => {
    for (const s of ['2025-02-03', '2025-02-03T10:00', 'Mon, 03 Feb 2025 10:00:00 GMT', '03/02/2025', 'yesterday', '', '2025-02-03T00:12:25.850+01:00']) {
      expect(parsePostedAt(s), s).toBe(reference(s));
    }
    expect(parsePostedAt(1738540800000)).toBeNull();
    expect(parsePostedAt(null)).toBeNull();
    expect(parsePostedAt('2025-02-03T00:12:25.850Z')).toBe(Date.UTC(2025, 1, 3, 0, 12, 25, 850));
  });
});
