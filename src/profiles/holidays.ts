import type { CalendarProfile, HolidayCalendar, HolidayRule, Label } from './profile-schema.ts';
import { dayNumber, daysInMonth, fromDayNumber, isoDate, isoWeekday, parseIsoDate } from './time-zone.ts';

/**
 * One day off in one year. `substituteFor` names the holiday a substitute day stands in for; a
 * holiday with a substitute rule that falls on a weekend is listed only as its substitute day.
 */
export type Holiday = { date: string; code: string; label: Label; substituteFor?: string };

/** Raised when date arithmetic needs a year the profile's holiday calendar does not cover. */
export class CalendarRangeError extends RangeError {
  constructor(readonly year: number, readonly calendar: HolidayCalendar) {
    super(`The holiday calendar covers ${calendar.fromYear}-${calendar.toYear}; ${year} is outside it. Publish a new profile version.`);
    this.name = 'CalendarRangeError';
  }
}

/** Western (Gregorian) Easter Sunday as a day number (anonymous Gregorian algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** The day number a rule gives in a year, before substitutes; `undefined` when it has none that year. */
export function ruleDay(rule: HolidayRule, year: number): number | undefined {
  if ((rule.fromYear !== undefined && year < rule.fromYear) || (rule.toYear !== undefined && year > rule.toYear)) return undefined;
  switch (rule.kind) {
    case 'fixed': {
      if (rule.day > daysInMonth(year, rule.month)) return undefined; // 29 February outside leap years
      const n = dayNumber(year, rule.month, rule.day);
      const move = rule.moveIf.find((m) => m.weekday === isoWeekday(n));
      return n + (move?.days ?? 0);
    }
    case 'easter':
      return easterSunday(year) + rule.offset;
    case 'nth-weekday': {
      if (rule.nth === -1) {
        const last = dayNumber(year, rule.month, daysInMonth(year, rule.month));
        return last - ((isoWeekday(last) - rule.weekday + 7) % 7);
      }
      const first = dayNumber(year, rule.month, 1);
      const n = first + ((rule.weekday - isoWeekday(first) + 7) % 7) + 7 * (rule.nth - 1);
      return fromDayNumber(n).month === rule.month ? n : undefined;
    }
  }
}

const cache = new WeakMap<HolidayCalendar, Map<number, Map<number, Holiday>>>();

/**
 * Every day off produced by the rules of `year` (substitutes may spill into the next year), after
 * removals and with the explicit extra dates of that year. Keyed by day number.
 */
function holidaysOfRuleYear(calendar: HolidayCalendar, year: number): Map<number, Holiday> {
  let perYear = cache.get(calendar);
  if (!perYear) cache.set(calendar, (perYear = new Map()));
  const cached = perYear.get(year);
  if (cached) return cached;

  const removed = new Set(calendar.removedHolidays.map((r) => parseIsoDate(r.date)));
  const days = new Map<number, Holiday>();
  const produced: { n: number; rule: HolidayRule }[] = [];
  for (const rule of calendar.holidays) {
    const n = ruleDay(rule, year);
    if (n === undefined || removed.has(n)) continue;
    produced.push({ n, rule });
    if (!days.has(n)) days.set(n, { date: isoDate(n), code: rule.code, label: rule.label });
  }
  for (const extra of calendar.extraHolidays) {
    const n = parseIsoDate(extra.date);
    if (n !== undefined && fromDayNumber(n).year === year && !days.has(n)) days.set(n, { date: extra.date, code: extra.code, label: extra.label });
  }
  // Substitute days, in date order, so that Christmas on a Saturday takes Monday and Boxing Day Tuesday.
  const weekend = new Set(calendar.weekend);
  for (const { n, rule } of produced.sort((a, b) => a.n - b.n)) {
    if (rule.kind === 'easter' || rule.substitute !== 'next-weekday' || !weekend.has(isoWeekday(n))) continue;
    // The day off moves: the weekend day itself is not listed (as in the official lists).
    if (days.get(n)?.code === rule.code) days.delete(n);
    let s = n + 1;
    while (weekend.has(isoWeekday(s)) || days.has(s)) s++;
    days.set(s, { date: isoDate(s), code: `${rule.code}-substitute`, label: rule.label, substituteFor: rule.code });
  }
  perYear.set(year, days);
  return days;
}

function assertInRange(calendar: HolidayCalendar, year: number): void {
  if (year < calendar.fromYear || year > calendar.toYear) throw new CalendarRangeError(year, calendar);
}

/** The holiday on a local day number, if any. Throws `CalendarRangeError` outside the calendar's years. */
export function holidayOn(calendar: HolidayCalendar, n: number): Holiday | undefined {
  const { year } = fromDayNumber(n);
  assertInRange(calendar, year);
  const own = holidaysOfRuleYear(calendar, year).get(n);
  if (own || year === calendar.fromYear) return own;
  return holidaysOfRuleYear(calendar, year - 1).get(n);
}

/** Every holiday (including substitute days) that falls in `year`, in date order. */
export function holidays(year: number, profile: CalendarProfile): Holiday[] {
  const { calendar } = profile;
  assertInRange(calendar, year);
  const all = [...holidaysOfRuleYear(calendar, year)];
  if (year > calendar.fromYear) all.push(...holidaysOfRuleYear(calendar, year - 1));
  const seen = new Set<number>();
  return all
    .filter(([n]) => fromDayNumber(n).year === year && !seen.has(n) && seen.add(n))
    .sort((a, b) => a[0] - b[0])
    .map(([, h]) => h);
}
