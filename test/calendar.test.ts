import { describe, expect, it } from 'vitest';
import { addDuration, CalendarRangeError, holidays, isWorkingDay, localDate, subtractDuration, workingDaysBetween } from '../src/profiles/calendar.ts';
import { getProfile } from '../src/profiles/load-profile.ts';
import type { CalendarProfile, Duration, HolidayCalendar } from '../src/profiles/profile-schema.ts';
import { fromLocal, toLocal } from '../src/profiles/time-zone.ts';

const nl = getProfile('nl');
const uk = getProfile('uk');

/** An instant given as local wall-clock time in the profile's zone: '2026-04-02 10:00'. */
function at(local: string, profile: CalendarProfile): Date {
  const [d = '', t = '00:00'] = local.split(' ');
  const [year, month, day] = d.split('-').map(Number);
  const [hour, minute] = t.split(':').map(Number);
  return fromLocal({ year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 }, profile.timezone);
}
/** The local wall-clock time of an instant: '2026-04-07 10:00'. */
function show(date: Date, profile: CalendarProfile): string {
  const l = toLocal(date, profile.timezone);
  return `${localDate(date, profile)} ${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}
const add = (local: string, duration: Duration, profile: CalendarProfile) => show(addDuration(at(local, profile), duration, profile), profile);
const days = (amount: number): Duration => ({ amount, unit: 'calendar-days' });
const wd = (amount: number): Duration => ({ amount, unit: 'working-days' });
const months = (amount: number): Duration => ({ amount, unit: 'months' });

describe('Dutch holidays', () => {
  it('2026: Easter Monday 6 April, King’s Day 27 April, Liberation Day, Ascension, Whit Monday, Christmas', () => {
    expect(holidays(2026, nl).map((h) => `${h.date} ${h.code}`)).toEqual([
      '2026-01-01 new-year',
      '2026-04-06 easter-monday',
      '2026-04-27 kings-day',
      '2026-05-05 liberation-day',
      '2026-05-14 ascension-day',
      '2026-05-25 whit-monday',
      '2026-12-25 christmas-day',
      '2026-12-26 second-christmas-day',
    ]);
  });

  it('King’s Day moves to 26 April when 27 April is a Sunday (2025)', () => {
    expect(holidays(2025, nl).find((h) => h.code === 'kings-day')?.date).toBe('2025-04-26');
  });

  it('working days skip weekends and holidays', () => {
    expect(isWorkingDay('2026-04-06', nl)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-03', nl)).toBe(true); // Good Friday is not a Dutch holiday
    expect(isWorkingDay('2026-04-27', nl)).toBe(false); // King's Day
    expect(isWorkingDay('2026-04-04', nl)).toBe(false); // Saturday
    expect(isWorkingDay(at('2026-12-25 23:30', nl), nl)).toBe(false); // 22:30 UTC, still Christmas in Amsterdam
    expect(add('2026-04-02 10:00', wd(2), nl)).toBe('2026-04-07 10:00'); // over the weekend and Easter Monday
    expect(add('2026-04-24 16:45', wd(1), nl)).toBe('2026-04-28 16:45'); // over King's Day
    expect(add('2026-12-23 09:00', wd(3), nl)).toBe('2026-12-29 09:00'); // over Christmas
    expect(add('2026-01-03 10:00', wd(1), nl)).toBe('2026-01-05 10:00'); // a Saturday start: the next working day
  });
});

describe('UK bank holidays (England and Wales)', () => {
  it('2026 and 2027, with substitute days', () => {
    expect(holidays(2026, uk).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
    // Christmas 2027 is a Saturday: substitute Monday 27 (Christmas) and Tuesday 28 (Boxing Day) December.
    const y2027 = holidays(2027, uk);
    expect(y2027.map((h) => h.date)).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
    expect(y2027.slice(-2).map((h) => h.substituteFor)).toEqual(['christmas-day', 'boxing-day']);
  });

  it('Christmas on a Sunday: Boxing Day Monday, substitute Tuesday; New Year on a Saturday: Monday 3 January', () => {
    expect(holidays(2033, uk).slice(-2).map((h) => `${h.date} ${h.code}`)).toEqual(['2033-12-26 boxing-day', '2033-12-27 christmas-day-substitute']);
    expect(holidays(2028, uk)[0]?.date).toBe('2028-01-03');
  });

  it('working days skip Good Friday and Easter Monday', () => {
    expect(add('2026-04-02 10:00', wd(1), uk)).toBe('2026-04-07 10:00');
    expect(add('2027-12-24 12:00', wd(1), uk)).toBe('2027-12-29 12:00');
    expect(workingDaysBetween('2026-04-02', '2026-04-07', uk)).toBe(1);
    expect(workingDaysBetween('2026-04-02', '2026-04-07', nl)).toBe(2);
  });

  it('one-off and moved holidays are data (2022: spring bank holiday moved, jubilee added)', () => {
    const calendar: HolidayCalendar = {
      ...uk.calendar,
      fromYear: 2022,
      extraHolidays: [
        { date: '2022-06-02', code: 'spring-moved', label: { en: 'Spring bank holiday' } },
        { date: '2022-06-03', code: 'platinum-jubilee', label: { en: 'Platinum Jubilee' } },
      ],
      removedHolidays: [{ date: '2022-05-30', reason: 'moved to 2 June' }],
    };
    const dates = holidays(2022, { timezone: 'Europe/London', calendar }).map((h) => h.date);
    expect(dates).toContain('2022-06-03');
    expect(dates).toContain('2022-06-02');
    expect(dates).not.toContain('2022-05-30');
  });

  it('a substitute day can fall in the next year', () => {
    const calendar: HolidayCalendar = {
      weekend: [6, 7], fromYear: 2028, toYear: 2029, extraHolidays: [], removedHolidays: [],
      holidays: [{ kind: 'fixed', code: 'year-end', label: { en: 'Year end' }, month: 12, day: 31, moveIf: [], substitute: 'next-weekday' }],
    };
    const profile = { timezone: 'Europe/London', calendar };
    expect(holidays(2029, profile).map((h) => h.date)).toEqual(['2029-01-01', '2029-12-31']); // 31 Dec 2028 is a Sunday
    expect(isWorkingDay('2029-01-01', profile)).toBe(false);
  });
});

describe('months and years', () => {
  it('clamp to the end of the month', () => {
    expect(add('2026-01-31 10:00', months(1), nl)).toBe('2026-02-28 10:00');
    expect(add('2028-01-31 10:00', months(1), nl)).toBe('2028-02-29 10:00');
    expect(add('2026-03-31 10:00', months(1), nl)).toBe('2026-04-30 10:00');
    expect(add('2026-11-30 10:00', months(3), nl)).toBe('2027-02-28 10:00');
    expect(add('2028-02-29 10:00', { amount: 1, unit: 'years' }, nl)).toBe('2029-02-28 10:00');
    expect(add('2026-01-15 10:00', months(3), nl)).toBe('2026-04-15 10:00'); // bedenktijd over the March DST change
  });
});

describe('daylight saving time', () => {
  it('Europe/Amsterdam: a 30-day clock started at 10:00 ends at 10:00 across 29 March and 25 October 2026', () => {
    const spring = addDuration(at('2026-03-20 10:00', nl), days(30), nl);
    expect(spring.toISOString()).toBe('2026-04-19T08:00:00.000Z');
    expect(at('2026-03-20 10:00', nl).toISOString()).toBe('2026-03-20T09:00:00.000Z');
    const autumn = addDuration(at('2026-10-10 10:00', nl), days(30), nl);
    expect(autumn.toISOString()).toBe('2026-11-09T09:00:00.000Z');
    expect(show(autumn, nl)).toBe('2026-11-09 10:00');
  });

  it('Europe/London: the same across 29 March and 25 October 2026', () => {
    expect(addDuration(at('2026-03-20 10:00', uk), days(30), uk).toISOString()).toBe('2026-04-19T09:00:00.000Z');
    expect(addDuration(at('2026-10-20 09:00', uk), days(7), uk).toISOString()).toBe('2026-10-27T09:00:00.000Z');
  });

  it('hours are elapsed time, so 24 hours across the spring change reads one hour later on the wall clock', () => {
    expect(add('2026-03-28 12:00', { amount: 24, unit: 'hours' }, nl)).toBe('2026-03-29 13:00');
    expect(add('2026-10-24 12:00', { amount: 24, unit: 'hours' }, nl)).toBe('2026-10-25 11:00');
  });

  it('a local time skipped in spring moves forward by the gap; a repeated one takes its first occurrence', () => {
    expect(add('2026-03-28 02:30', days(1), nl)).toBe('2026-03-29 03:30');
    expect(addDuration(at('2026-10-24 02:30', nl), days(1), nl).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('other rules', () => {
  it('endsOnWorkingDay moves a due day off weekends and holidays', () => {
    expect(add('2026-01-02 10:00', { amount: 1, unit: 'calendar-days', endsOnWorkingDay: true }, nl)).toBe('2026-01-05 10:00');
    expect(add('2026-04-04 10:00', { amount: 1, unit: 'calendar-days', endsOnWorkingDay: true }, nl)).toBe('2026-04-07 10:00');
    expect(add('2026-04-04 10:00', days(1), nl)).toBe('2026-04-05 10:00');
  });

  it('subtractDuration finds when a warning fires', () => {
    expect(show(subtractDuration(at('2026-04-07 10:00', nl), wd(2), nl), nl)).toBe('2026-04-02 10:00');
    expect(show(subtractDuration(at('2026-03-31 10:00', nl), months(1), nl), nl)).toBe('2026-02-28 10:00');
    expect(show(subtractDuration(at('2026-04-19 10:00', nl), days(30), nl), nl)).toBe('2026-03-20 10:00');
  });

  it('workingDaysBetween counts days after the start up to and including the end, negative backwards', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-02', nl)).toBe(0);
    expect(workingDaysBetween('2026-04-07', '2026-04-02', nl)).toBe(-2);
    expect(workingDaysBetween(at('2026-12-23 09:00', nl), at('2026-12-29 08:00', nl), nl)).toBe(3);
  });

  it('refuses years outside the holiday calendar and bad durations', () => {
    expect(() => addDuration(at('2035-12-30 10:00', nl), wd(5), nl)).toThrow(CalendarRangeError);
    expect(() => holidays(2023, nl)).toThrow(/2024-2035/);
    expect(() => addDuration(new Date(), { amount: -1, unit: 'hours' }, nl)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30', nl)).toThrow(/Not a date/);
  });
});
