import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, isWorkingDay, localDate, subtractDuration, workingDaysBetween } from '../src/profiles/calendar.ts';
import { getProfile } from '../src/profiles/load-profile.ts';
import type { Profile } from '../src/profiles/profile-schema.ts';
import { toLocal } from '../src/profiles/time-zone.ts';

const profiles = [getProfile('nl'), getProfile('uk')];
const profile = fc.constantFrom(...profiles);
// Instants well inside both calendars (2024-2035), so no result leaves the holiday range.
const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2034-06-30T00:00:00Z'), noInvalidDate: true });
const timeOfDay = (d: Date, p: Profile) => {
  const l = toLocal(d, p.timezone);
  return [l.hour, l.minute, l.second, l.millisecond];
};
/** The local hour that does not exist on the day clocks go forward (02:00 in Amsterdam, 01:00 in London). */
const gapHour = (p: Profile) => (p.timezone === 'Europe/Amsterdam' ? 2 : 1);

describe('calendar properties', () => {
  it('N working days later is a working day, N working days away, at the same local time', () => {
    fc.assert(
      fc.property(profile, instant, fc.integer({ min: 1, max: 60 }), (p, start, n) => {
        fc.pre(toLocal(start, p.timezone).hour !== gapHour(p));
        const due = addDuration(start, { amount: n, unit: 'working-days' }, p);
        expect(isWorkingDay(due, p)).toBe(true);
        expect(workingDaysBetween(start, due, p)).toBe(n);
        expect(timeOfDay(due, p)).toEqual(timeOfDay(start, p));
      }),
      { numRuns: 400 },
    );
  });

  it('adding calendar days never changes the local time of day (outside the skipped spring hour)', () => {
    fc.assert(
      fc.property(profile, instant, fc.integer({ min: 1, max: 400 }), (p, start, n) => {
        fc.pre(toLocal(start, p.timezone).hour !== gapHour(p));
        const due = addDuration(start, { amount: n, unit: 'calendar-days' }, p);
        expect(timeOfDay(due, p)).toEqual(timeOfDay(start, p));
        // And it is n local days later, whatever the number of elapsed hours.
        const [a, b] = [localDate(start, p), localDate(due, p)].map((d) => Date.parse(`${d}T00:00:00Z`));
        expect(((b ?? 0) - (a ?? 0)) / 86_400_000).toBe(n);
      }),
      { numRuns: 400 },
    );
  });

  it('adding then subtracting calendar days returns the start', () => {
    fc.assert(
      fc.property(profile, instant, fc.integer({ min: 1, max: 400 }), (p, start, n) => {
        fc.pre(toLocal(start, p.timezone).hour !== gapHour(p));
        const d = { amount: n, unit: 'calendar-days' } as const;
        const back = subtractDuration(addDuration(start, d, p), d, p);
        // A repeated autumn hour resolves to its first occurrence, so compare wall-clock time.
        expect(localDate(back, p)).toBe(localDate(start, p));
        expect(timeOfDay(back, p)).toEqual(timeOfDay(start, p));
      }),
      { numRuns: 200 },
    );
  });

  it('months land on the same day of the month, or the last day when that day does not exist', () => {
    fc.assert(
      fc.property(profile, instant, fc.integer({ min: 1, max: 24 }), (p, start, n) => {
        fc.pre(toLocal(start, p.timezone).hour !== gapHour(p));
        const s = toLocal(start, p.timezone);
        const due = toLocal(addDuration(start, { amount: n, unit: 'months' }, p), p.timezone);
        const index = s.year * 12 + s.month - 1 + n;
        expect([due.year, due.month]).toEqual([Math.floor(index / 12), (index % 12) + 1]);
        const lastDay = new Date(Date.UTC(due.year, due.month, 0)).getUTCDate();
        expect(due.day).toBe(Math.min(s.day, lastDay));
        expect(due.hour).toBe(s.hour);
      }),
      { numRuns: 300 },
    );
  });
});
