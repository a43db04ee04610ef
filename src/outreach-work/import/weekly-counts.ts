/**
 * Anonymous counts per ISO week (Monday, UTC) and language of ads seen for the first time and clusters
 * formed: the top of the outreach funnel, kept when ads of people never contacted are purged.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';

export function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const offset = (d.getUTCDay() + 6) % 7; // days since Monday
  d.setUTCDate(d.getUTCDate() - offset);
  return d.toISOString().slice(0, 10);
}

export async function addWeeklyCounts(tx: Ctx, at: Date, ads: ReadonlyMap<string, number>, clusters: ReadonlyMap<string, number>): Promise<void> {
  const week = weekOf(at);
  for (const language of new Set([...ads.keys(), ...clusters.keys()])) {
    const a = ads.get(language) ?? 0;
    const c = clusters.get(language) ?? 0;
    if (a === 0 && c === 0) continue;
    await sql`insert into outreach_weekly_counts (week, language, ads_seen, clusters_new) values (${week}, ${language}, ${a}, ${c})
              on conflict (week, language) do update set ads_seen = outreach_weekly_counts.ads_seen + ${a},
                                                         clusters_new = outreach_weekly_counts.clusters_new + ${c}`.execute(tx.db);
  }
}
