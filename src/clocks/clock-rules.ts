import type { Selectable } from 'kysely';
import type { Ctx } from '../context.ts';
import type { ClockHistoryWhat, ClocksTable } from '../db/schema.ts';
import { subtractDuration } from '../profiles/calendar.ts';
import { getProfile } from '../profiles/load-profile.ts';
import type { Clock as ClockRule, Profile } from '../profiles/profile-schema.ts';

/**
 * Shared by the clock operations: a clock row is an instance of a profile clock (`rule`) of the
 * profile version that governed the case when the clock started.
 */
export type ClockRow = Selectable<ClocksTable>;

export const OPEN_CLOCK_STATES = ['running', 'paused'] as const;

export function clockRule(profile: Profile, code: string): ClockRule | undefined {
  return profile.clocks.find((c) => c.code === code);
}

export function ruleOf(row: Pick<ClockRow, 'profile_id' | 'profile_version' | 'code'>): { profile: Profile; rule: ClockRule | undefined } {
  const profile = getProfile(row.profile_id, row.profile_version);
  return { profile, rule: clockRule(profile, row.code) };
}

/** The instants at which the rule's warnings fire for a due time, earliest first. */
export function warningTimes(rule: ClockRule, due: Date, profile: Profile): Date[] {
  return rule.warnings.map((w) => subtractDuration(due, w, profile)).sort((a, b) => a.getTime() - b.getTime());
}

/** The first warning at or after index `from` that is later than `after` (earlier ones are passed). */
export function nextWarning(rule: ClockRule, due: Date, profile: Profile, from: number, after: Date): { index: number; at: Date | null } {
  const times = warningTimes(rule, due, profile);
  let index = from;
  while (index < times.length && times[index]!.getTime() <= after.getTime()) index++;
  return { index, at: times[index] ?? null };
}

export async function addHistory(
  ctx: Ctx,
  clockId: string,
  what: ClockHistoryWhat,
  details: Record<string, unknown> = {},
  eventId: string | null = null,
): Promise<void> {
  await ctx.db
    .insertInto('clock_history')
    .values({ clock_id: clockId, at: ctx.clock.now(), what, event_id: eventId, actor_label: ctx.actor.label, details: JSON.stringify(details) })
    .execute();
}
