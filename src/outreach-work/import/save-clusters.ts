/**
 * Writes a re-clustered neighbourhood (incremental-cluster.ts): upserts its clusters with their summary
 * and encrypted reasons, points every ad at its cluster with its score, hands the contacts and claim of
 * absorbed clusters to their successor, and deletes clusters that no longer exist. Returns how many
 * clusters were written and the new ones per language (for the weekly counts).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { columnAad } from '../../crypto/encrypted-columns.ts';
import { encryptField } from '../../crypto/envelope.ts';
import type { ReclusterPlan } from './incremental-cluster.ts';

const MINOR_CODES = new Set(['stated-age-under-18', 'youth-language']);

function mostCommonFirst(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  const known = sorted.filter((v) => v !== 'und');
  return known.length > 0 ? known : sorted;
}

export type SavedClusters = { written: number; newByLanguage: Map<string, number> };

export async function saveClusters(tx: Ctx, plan: ReclusterPlan): Promise<SavedClusters> {
  const { ads, out, results, clusterIds, continued, absorbed } = plan;
  const now = tx.clock.now();
  const C = out.clusters.length;
  const languages: string[][] = Array.from({ length: C }, () => []);
  const minor = Array.from({ length: C }, () => false);
  const firstSeen: (Date | null)[] = Array.from({ length: C }, (): Date | null => null);
  const lastSeen: (Date | null)[] = Array.from({ length: C }, (): Date | null => null);
  for (let i = 0; i < ads.length; i++) {
    const c = out.clusterOf[i]!;
    const a = ads[i]!;
    languages[c]!.push(a.features.language);
    if ((a.features.age !== null && a.features.age < 18) || results[i]!.indicators.some((h) => MINOR_CODES.has(h.code))) minor[c] = true;
    if (firstSeen[c] === null || a.firstSeenAt < firstSeen[c]!) firstSeen[c] = a.firstSeenAt;
    if (lastSeen[c] === null || a.lastSeenAt > lastSeen[c]!) lastSeen[c] = a.lastSeenAt;
  }

  const rows = out.clusters.map((s, c) => {
    const id = clusterIds[c]!;
    return {
      id,
      score: s.score,
      reasons_enc: encryptField(tx.keyring, JSON.stringify(s.reasons), columnAad('outreach_clusters', 'reasons_enc', id)),
      reason_codes: [...new Set(s.reasons.map((r) => r.code))],
      size: s.size,
      personas: s.personas,
      cities: s.cities,
      moves: s.moves,
      phones: s.phones,
      languages: mostCommonFirst(languages[c]!),
      minor_risk: minor[c]!,
      first_posted_at: s.firstPostedAt === null ? null : new Date(s.firstPostedAt),
      last_posted_at: s.lastPostedAt === null ? null : new Date(s.lastPostedAt),
      first_seen_at: firstSeen[c] ?? now,
      last_seen_at: lastSeen[c] ?? now,
      updated_at: now,
    };
  });
  for (let from = 0; from < rows.length; from += 500) {
    await tx.db
      .insertInto('outreach_clusters')
      .values(rows.slice(from, from + 500).map((r) => ({ ...r, claimed_by_user_id: null, claimed_at: null })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          reasons_enc: eb.ref('excluded.reasons_enc'),
          reason_codes: eb.ref('excluded.reason_codes'),
          size: eb.ref('excluded.size'),
          personas: eb.ref('excluded.personas'),
          cities: eb.ref('excluded.cities'),
          moves: eb.ref('excluded.moves'),
          phones: eb.ref('excluded.phones'),
          languages: eb.ref('excluded.languages'),
          minor_risk: eb.ref('excluded.minor_risk'),
          first_posted_at: eb.ref('excluded.first_posted_at'),
          last_posted_at: eb.ref('excluded.last_posted_at'),
          first_seen_at: eb.ref('excluded.first_seen_at'),
          last_seen_at: eb.ref('excluded.last_seen_at'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  // Only ads whose cluster, score or indicators changed are written: rewriting every ad of the
  // neighbourhood on each batch bloats the table and its cluster index (measured: the worklist's
  // per-cluster lookups slowed tenfold after 20 batches).
  const assignments = ads
    .map((a, i) => ({
      id: a.id,
      c: clusterIds[out.clusterOf[i]!]!,
      s: results[i]!.adScore,
      codes: [...new Set(results[i]!.indicators.map((h) => h.code))].sort(),
      old: a,
    }))
    .filter((x) => x.c !== x.old.oldClusterId || x.s !== x.old.oldScore || x.codes.join(',') !== x.old.oldCodes.join(','))
    .map(({ old: _old, ...x }) => x);
  for (let from = 0; from < assignments.length; from += 1000) {
    const chunk = JSON.stringify(assignments.slice(from, from + 1000));
    await sql`update outreach_ads a set cluster_id = v.c, ad_score = v.s, indicator_codes = v.codes
              from jsonb_to_recordset(${chunk}::jsonb) as v(id uuid, c text, s double precision, codes text[])
              where a.id = v.id`.execute(tx.db);
  }

  for (const [old, successor] of absorbed) {
    await tx.db.updateTable('outreach_contacts').set({ cluster_id: successor }).where('cluster_id', '=', old).execute();
    const claim = await tx.db.selectFrom('outreach_clusters').select(['claimed_by_user_id', 'claimed_at']).where('id', '=', old).executeTakeFirst();
    if (claim?.claimed_by_user_id) {
      await tx.db
        .updateTable('outreach_clusters')
        .set({ claimed_by_user_id: claim.claimed_by_user_id, claimed_at: claim.claimed_at })
        .where('id', '=', successor)
        .where('claimed_by_user_id', 'is', null)
        .execute();
    }
  }
  // Stored clusters of the neighbourhood that lost every ad (absorbed or not) are gone now.
  const oldIds = [...new Set(ads.map((a) => a.oldClusterId).filter((x): x is string => x !== null))];
  const kept = new Set(clusterIds);
  const gone = oldIds.filter((id) => !kept.has(id));
  if (gone.length > 0) await tx.db.deleteFrom('outreach_clusters').where('id', 'in', gone).execute();

  const newByLanguage = new Map<string, number>();
  for (let c = 0; c < C; c++) {
    if (continued[c]) continue;
    // A cluster that only re-forms stored ads without an id of its own is new as a group, not as ads.
    const lang = rows[c]!.languages[0] ?? 'und';
    newByLanguage.set(lang, (newByLanguage.get(lang) ?? 0) + 1);
  }
  return { written: C, newByLanguage };
}
