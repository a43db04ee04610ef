import { can, assertCan } from '../../access/can.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { fromLocal } from '../../profiles/time-zone.ts';
import {
  addPerson, conversions, emptyCounts, FUNNEL_STAGES, FUNNEL_TIME_ZONE, HANDED_OVER_RANK, maskCounts, mondayOf, OUTCOME_RANK, REGISTERED_RANK, weekAfter, weekOf, weekStarts,
  type FunnelCounts,
} from './funnel-stages.ts';

export type FunnelInput = { weeks?: number; language?: string };

export const FUNNEL_DEFAULT_WEEKS = 12;
export const FUNNEL_MAX_WEEKS = 52;

type Person = { firstAt: Date; firstId: string; language: string; rank: number };

/**
 * The outreach funnel per ISO week (Monday, UTC, as the import's weekly counts) and language: ads seen and new
 * clusters from the anonymous weekly counts; then people (phone tokens) in the week of their first
 * contact, at the furthest stage any of their contacts reached (docs/outreach-handover-and-funnel.md).
 * Counts only. Viewers who do not work with contacts themselves (no `outreach-contact:list`, e.g.
 * statistics analysts) see 1-4 as "<5".
 */
export async function readFunnel(ctx: Ctx, input: FunnelInput) {
  assertCan(ctx.actor, 'read', 'outreach-funnel');
  const weeks = Math.min(Math.max(input.weeks ?? FUNNEL_DEFAULT_WEEKS, 1), FUNNEL_MAX_WEEKS);
  const language = input.language ?? null;
  const mask = !can(ctx.actor, 'list', 'outreach-contact');
  const timeZone = FUNNEL_TIME_ZONE;
  const mondays = weekStarts(ctx.clock.now(), weeks, timeZone);
  const from = mondays[0]!;
  const until = weekAfter(mondays[mondays.length - 1]!);

  return inTransaction(ctx, async (tx) => {
    const weekly = await tx.db
      .selectFrom('outreach_weekly_counts')
      .select(['week', 'language', 'ads_seen', 'clusters_new'])
      .where('week', '>=', from)
      .where('week', '<', until)
      .execute();

    // People whose first contact ever lies in the period: all their contacts, events and signals.
    const firstInPeriod = tx.db
      .selectFrom('outreach_contacts')
      .select('phone_token')
      .groupBy('phone_token')
      .having((eb) => eb.fn.min('created_at'), '>=', startOf(from, timeZone))
      .having((eb) => eb.fn.min('created_at'), '<', startOf(until, timeZone));
    const contacts = await tx.db
      .selectFrom('outreach_contacts')
      .leftJoin('signals', 'signals.outreach_contact_id', 'outreach_contacts.id')
      .select(['outreach_contacts.id', 'outreach_contacts.phone_token', 'outreach_contacts.language', 'outreach_contacts.created_at', 'outreach_contacts.outcome', 'signals.id as signal_id', 'signals.case_id'])
      .where('outreach_contacts.phone_token', 'in', firstInPeriod)
      .execute();
    const events = await tx.db
      .selectFrom('outreach_contact_events')
      .select(['contact_id', 'outcome'])
      .where('contact_id', 'in', tx.db.selectFrom('outreach_contacts').select('id').where('phone_token', 'in', firstInPeriod))
      .where('outcome', 'is not', null)
      .execute();
    const eventRank = new Map<string, number>();
    for (const e of events) eventRank.set(e.contact_id, Math.max(eventRank.get(e.contact_id) ?? 0, OUTCOME_RANK[e.outcome ?? ''] ?? 0));

    const people = new Map<string, Person>();
    for (const c of contacts) {
      const rank = c.case_id ? REGISTERED_RANK : c.signal_id ? HANDED_OVER_RANK : Math.max(OUTCOME_RANK[c.outcome ?? ''] ?? 0, eventRank.get(c.id) ?? 0);
      const person = people.get(c.phone_token);
      if (!person) {
        people.set(c.phone_token, { firstAt: c.created_at, firstId: c.id, language: c.language, rank });
        continue;
      }
      person.rank = Math.max(person.rank, rank);
      if (c.created_at < person.firstAt || (c.created_at.getTime() === person.firstAt.getTime() && c.id < person.firstId)) {
        Object.assign(person, { firstAt: c.created_at, firstId: c.id, language: c.language });
      }
    }

    const cells = new Map<string, FunnelCounts>(); // `${week} ${language}`
    const cell = (week: string, lang: string) => {
      const key = `${week} ${lang}`;
      let found = cells.get(key);
      if (!found) cells.set(key, (found = emptyCounts()));
      return found;
    };
    // Every language with data in the period (for the filter), whichever one is chosen.
    const languages = new Set<string>();
    for (const row of weekly) {
      languages.add(row.language);
      if (language && row.language !== language) continue;
      const c = cell(mondayOf(row.week), row.language);
      c.adsSeen += row.ads_seen;
      c.clusters += row.clusters_new;
    }
    for (const person of people.values()) {
      languages.add(person.language);
      if (language && person.language !== language) continue;
      addPerson(cell(weekOf(person.firstAt, timeZone), person.language), person.rank);
    }

    const perWeek = new Map(mondays.map((m) => [m, emptyCounts()]));
    const totals = emptyCounts();
    const byLanguage = [...cells.entries()]
      .map(([key, counts]) => {
        const [week, lang] = key.split(' ') as [string, string];
        for (const stage of FUNNEL_STAGES) {
          perWeek.get(week)![stage] += counts[stage];
          totals[stage] += counts[stage];
        }
        return { week, language: lang, counts: maskCounts(counts, mask) };
      })
      .sort((a, b) => a.week.localeCompare(b.week) || a.language.localeCompare(b.language));
    const totalCells = maskCounts(totals, mask);
    return {
      weeks,
      from,
      to: mondays[mondays.length - 1]!,
      language,
      masked: mask,
      stages: [...FUNNEL_STAGES],
      languages: [...languages].sort(),
      weekly: mondays.map((week) => ({ week, counts: maskCounts(perWeek.get(week)!, mask) })),
      byLanguage,
      totals: totalCells,
      conversions: conversions(totalCells),
    };
  });
}

/** The instant a local day (YYYY-MM-DD) starts in the zone. */
function startOf(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromLocal({ year, month, day: date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
