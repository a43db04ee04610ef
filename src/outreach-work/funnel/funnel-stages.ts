import { dayNumber, isoDate, isoWeekday, parseIsoDate, toLocal } from '../../profiles/time-zone.ts';

/**
 * The outreach funnel's stages, in order. The first two count ads and clusters (anonymous weekly
 * counts that survive the purge of ads); the others count people (phone tokens), each in the week of
 * their first contact, at the furthest stage any of their contacts reached.
 */
export const FUNNEL_STAGES = ['adsSeen', 'clusters', 'contacted', 'replied', 'conversation', 'handedOver', 'registered'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelCounts = Record<FunnelStage, number>;

/** A masked cell: 1 to 4 people, shown as "<5" to viewers who do not work with the contacts themselves. */
export const SMALL = '<5' as const;
export type FunnelCell = number | typeof SMALL;
export type FunnelCells = Record<FunnelStage, FunnelCell>;

/**
 * How far a contact outcome got: 1 = the person answered (replied, or declined in an answer), 2 = a
 * conversation (also implied by "wants help" and "referred"). "No answer" stays at contacted (0).
 */
export const OUTCOME_RANK: Record<string, number> = { 'no-answer': 0, replied: 1, declined: 1, conversation: 2, 'wants-help': 2, referred: 2 };
/** Rank of a person who was handed over as a signal (3) and whose signal became a case (4). */
export const HANDED_OVER_RANK = 3;
export const REGISTERED_RANK = 4;

const PEOPLE_STAGES = ['contacted', 'replied', 'conversation', 'handedOver', 'registered'] as const satisfies readonly FunnelStage[];

export const emptyCounts = (): FunnelCounts => ({ adsSeen: 0, clusters: 0, contacted: 0, replied: 0, conversation: 0, handedOver: 0, registered: 0 });

/** Adds one person at `rank` to the counts: a later stage implies every earlier one. */
export function addPerson(counts: FunnelCounts, rank: number): void {
  PEOPLE_STAGES.forEach((stage, i) => {
    if (rank >= i) counts[stage] += 1;
  });
}

/**
 * Weeks are ISO weeks in UTC, the convention of the import's anonymous weekly counts
 * (import/weekly-counts.ts), so ads, clusters and people of one week line up.
 */
export const FUNNEL_TIME_ZONE = 'UTC';

/** The Monday (YYYY-MM-DD) of the ISO week an instant falls in, in the given time zone. */
export function weekOf(at: Date, timeZone: string): string {
  const local = toLocal(at, timeZone);
  const n = dayNumber(local.year, local.month, local.day);
  return isoDate(n - isoWeekday(n) + 1);
}

/** The Monday of the ISO week a day (YYYY-MM-DD) falls in. */
export function mondayOf(day: string): string {
  const n = parseIsoDate(day);
  if (n === undefined) throw new RangeError(`Not a date: ${day}`);
  return isoDate(n - isoWeekday(n) + 1);
}

/** The Mondays of the `weeks` ISO weeks that end with the week of `now`, oldest first. */
export function weekStarts(now: Date, weeks: number, timeZone: string): string[] {
  const last = parseIsoDate(weekOf(now, timeZone))!;
  return Array.from({ length: weeks }, (_, i) => isoDate(last - 7 * (weeks - 1 - i)));
}

/** The day after the Sunday that ends the week of `monday` (YYYY-MM-DD). */
export const weekAfter = (monday: string) => isoDate(parseIsoDate(monday)! + 7);

/** Small numbers (1-4) become "<5" when `mask` is set; 0 stays 0 (nothing to protect). */
export function maskCounts(counts: FunnelCounts, mask: boolean): FunnelCells {
  const cell = (n: number): FunnelCell => (mask && n > 0 && n < 5 ? SMALL : n);
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, cell(counts[stage])])) as FunnelCells;
}

export type Conversion = { from: FunnelStage; to: FunnelStage; ratio: number | null };

/**
 * The ratio between each pair of consecutive stages (to / from, rounded to 4 decimals); null when the
 * earlier stage is 0 or either cell is masked (a ratio would reveal the small number).
 */
export function conversions(cells: FunnelCells): Conversion[] {
  return FUNNEL_STAGES.slice(1).map((to, i) => {
    const from = FUNNEL_STAGES[i]!;
    const a = cells[from];
    const b = cells[to];
    const ratio = typeof a === 'number' && typeof b === 'number' && a > 0 ? Math.round((b / a) * 10_000) / 10_000 : null;
    return { from, to, ratio };
  });
}
