import { holidayOn } from './holidays.ts';
import type { CalendarProfile, Duration } from './profile-schema.ts';
import { dayNumber, daysInMonth, fromDayNumber, fromLocal, isoDate, isoWeekday, parseIsoDate, toLocal } from './time-zone.ts';

export { holidays, CalendarRangeError, type Holiday } from './holidays.ts';

/**
 * Deadline arithmetic in the profile's time zone and holiday calendar.
 *
 * Convention for "due" (docs/jurisdiction-profiles.md): a clock is due at the SAME LOCAL TIME OF
 * DAY as it started, on the due day.
 * - calendar-days: the due day is N local days after the start day.
 * - working-days: the due day is the Nth working day after the start day (the start day itself never
 *   counts, whether or not it is a working day). Friday 10:00 + 1 working day = Monday 10:00.
 * - months / years: same day-of-month N months later, clamped to the month's last day
 *   (31 January + 1 month = 28 or 29 February).
 * - hours: exactly N x 3600 s of elapsed time (daylight-saving changes make it 1 h off the wall clock).
 * When the local time does not exist on the due day (the hour skipped in spring), the due time moves
 * forward by the gap (02:30 becomes 03:30); a repeated hour (autumn) resolves to the first of the two.
 * `endsOnWorkingDay` moves a due day that is not a working day to the next working day.
 */

type DayInput = Date | string;

/** The local calendar day of an instant, or a `YYYY-MM-DD` string taken as is. */
function localDay(day: DayInput, profile: CalendarProfile): number {
  if (typeof day === 'string') {
    const n = parseIsoDate(day);
    if (n === undefined) throw new RangeError(`Not a date: ${day}`);
    return n;
  }
  const l = toLocal(day, profile.timezone);
  return dayNumber(l.year, l.month, l.day);
}

/** The local date (`YYYY-MM-DD`) of an instant in the profile's time zone. */
export const localDate = (date: Date, profile: CalendarProfile) => isoDate(localDay(date, profile));

function isWorkingDayNumber(n: number, profile: CalendarProfile): boolean {
  return !profile.calendar.weekend.includes(isoWeekday(n)) && holidayOn(profile.calendar, n) === undefined;
}

/** Whether the local day of `day` (an instant, or a `YYYY-MM-DD` date) is a working day. */
export function isWorkingDay(day: DayInput, profile: CalendarProfile): boolean {
  return isWorkingDayNumber(localDay(day, profile), profile);
}

/** The day number `count` working days after (or, when negative, before) day `n`. */
function stepWorkingDays(n: number, count: number, profile: CalendarProfile): number {
  const step = Math.sign(count);
  let left = Math.abs(count);
  let d = n;
  while (left > 0) {
    d += step;
    if (isWorkingDayNumber(d, profile)) left--;
  }
  return d;
}

function addMonths(n: number, months: number): number {
  const { year, month, day } = fromDayNumber(n);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

function shift(start: Date, duration: Duration, sign: 1 | -1, profile: CalendarProfile, roll: boolean): Date {
  const { amount, unit } = duration;
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`A duration must be a whole number >= 0, got ${amount}`);
  if (Number.isNaN(start.getTime())) throw new RangeError('Invalid start date');
  if (unit === 'hours') return new Date(start.getTime() + sign * amount * 3_600_000);
  const local = toLocal(start, profile.timezone);
  const from = dayNumber(local.year, local.month, local.day);
  let due: number;
  switch (unit) {
    case 'calendar-days':
      due = from + sign * amount;
      break;
    case 'working-days':
      due = stepWorkingDays(from, sign * amount, profile);
      break;
    case 'months':
      due = addMonths(from, sign * amount);
      break;
    case 'years':
      due = addMonths(from, sign * amount * 12);
      break;
  }
  if (roll && duration.endsOnWorkingDay) while (!isWorkingDayNumber(due, profile)) due++;
  return fromLocal({ ...local, ...fromDayNumber(due) }, profile.timezone);
}

/** When a clock that starts at `start` and runs for `duration` is due (see the convention above). */
export function addDuration(start: Date, duration: Duration, profile: CalendarProfile): Date {
  return shift(start, duration, 1, profile, true);
}

/**
 * The instant `duration` before `due`, e.g. when a warning "5 working days before expiry" fires.
 * `endsOnWorkingDay` is ignored here: it applies to due days only.
 */
export function subtractDuration(due: Date, duration: Duration, profile: CalendarProfile): Date {
  return shift(due, duration, -1, profile, false);
}

/**
 * The number of working days d with localDay(start) < d <= localDay(end); negative when end is
 * before start. So `workingDaysBetween(s, addDuration(s, {amount: n, unit: 'working-days'})) === n`.
 */
export function workingDaysBetween(start: DayInput, end: DayInput, profile: CalendarProfile): number {
  const a = localDay(start, profile);
  const b = localDay(end, profile);
  if (b < a) return -workingDaysBetween(end, start, profile);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkingDayNumber(d, profile)) count++;
  return count;
}
