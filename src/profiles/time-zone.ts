/**
 * Conversions between instants (`Date`) and wall-clock time in an IANA time zone, using only
 * `Intl.DateTimeFormat` (no time-zone package). Local dates are handled as plain `YYYY-MM-DD`
 * strings or as day numbers (days since 1970-01-01), which makes calendar arithmetic exact.
 */
export type LocalDateTime = {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone (e.g. `Europe/Amsterdam`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a zone. */
export function toLocal(date: Date, timeZone: string): LocalDateTime {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid date');
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((t % 1000) + 1000) % 1000,
  };
}

const naiveUtc = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond);

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(t: number, timeZone: string): number {
  return naiveUtc(toLocal(new Date(t), timeZone)) - t;
}

/**
 * The instant at which the zone's clocks show `local`. Ambiguous times (the hour repeated in
 * autumn) resolve to the earlier instant; times that do not exist (the hour skipped in spring)
 * move forward by the length of the gap (02:30 becomes 03:30). This is Temporal's "compatible"
 * disambiguation.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const naive = naiveUtc(local);
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const matches = [naive - before, naive - after].filter((t) => naiveUtc(toLocal(new Date(t), timeZone)) === naive);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(naive - before);
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export const dayNumber = (year: number, month: number, day: number) => Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);

export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export const isoWeekday = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

export const isoDate = (n: number) => {
  const { year, month, day } = fromDayNumber(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Parses `YYYY-MM-DD` into a day number, or `undefined` when it is not a real date. */
export function parseIsoDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(year, month, day);
  const back = fromDayNumber(n);
  return back.year === year && back.month === month && back.day === day ? n : undefined;
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
