import { z } from 'zod';
import { parseIsoDate } from './time-zone.ts';
import { coded, provenance } from './schema-parts.ts';

/**
 * The holiday calendar of a profile: weekend days, rule-based holidays (fixed dates with moves and
 * substitute days, days relative to Easter, nth weekday of a month), one-off additions and removals,
 * and the range of years the rules are known to be right for.
 */
const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, 'must be a real date written YYYY-MM-DD');
const year = z.number().int().min(1900).max(2200);
const isoWeekday = z.number().int().min(1).max(7); // 1 = Monday ... 7 = Sunday

const fixedHoliday = z.strictObject({
  kind: z.literal('fixed'),
  ...coded,
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** Moves the day when it falls on a weekday: King's Day `{ "weekday": 7, "days": -1 }`. */
  moveIf: z.array(z.strictObject({ weekday: isoWeekday, days: z.number().int().min(-6).max(6) })).default([]),
  /** `next-weekday`: on a weekend day, the next weekday that is not already a holiday is a day off too. */
  substitute: z.enum(['none', 'next-weekday']).default('none'),
  fromYear: year.optional(),
  toYear: year.optional(),
});
const easterHoliday = z.strictObject({
  kind: z.literal('easter'),
  ...coded,
  /** Days after (Western) Easter Sunday: Good Friday -2, Easter Monday 1, Ascension 39, Whit Monday 50. */
  offset: z.number().int().min(-60).max(70),
  fromYear: year.optional(),
  toYear: year.optional(),
});
const nthWeekdayHoliday = z.strictObject({
  kind: z.literal('nth-weekday'),
  ...coded,
  month: z.number().int().min(1).max(12),
  weekday: isoWeekday,
  /** 1-5 = first to fifth, -1 = last. */
  nth: z.union([z.number().int().min(1).max(5), z.literal(-1)]),
  substitute: z.enum(['none', 'next-weekday']).default('none'),
  fromYear: year.optional(),
  toYear: year.optional(),
});
export const holidayRuleSchema = z.discriminatedUnion('kind', [fixedHoliday, easterHoliday, nthWeekdayHoliday]);

export const calendarSchema = z.strictObject({
  /** ISO weekdays that are not working days. */
  weekend: z.array(isoWeekday).max(6),
  /** The years the holiday definitions are known to be right for; date arithmetic outside them is refused. */
  fromYear: year,
  toYear: year,
  holidays: z.array(holidayRuleSchema),
  /** One-off holidays (a jubilee, a state funeral) and moved ones. */
  extraHolidays: z.array(z.strictObject({ date: isoDate, ...coded })).default([]),
  /** Dates a rule produces that are not holidays that year (e.g. a bank holiday moved by proclamation). */
  removedHolidays: z.array(z.strictObject({ date: isoDate, reason: z.string().min(1).optional() })).default([]),
  ...provenance,
});

export type HolidayRule = z.output<typeof holidayRuleSchema>;
export type HolidayCalendar = z.output<typeof calendarSchema>;
