import { sql } from 'kysely';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid } from '../../errors/catalogue.ts';
import { presentClusterSummary, selectClusters } from './cluster-summary.ts';

export type ClaimFilter = 'mine' | 'unclaimed' | 'all';

export type ListClustersInput = {
  city?: string;
  language?: string;
  minorRisk?: boolean;
  /** YYYY-MM-DD: clusters first seen on or after this day (UTC). */
  newSince?: string;
  claim?: ClaimFilter;
  cursor?: string;
  limit?: number;
};

export const CLUSTERS_DEFAULT_LIMIT = 25;
export const CLUSTERS_MAX_LIMIT = 100;

function decodeCursor(cursor: string): { score: number; id: string } {
  const [score, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const value = Number(score);
  if (!id || score === undefined || score === '' || !Number.isFinite(value)) throw invalid('querystring.cursor', 'is not a cursor from a previous page.');
  return { score: value, id };
}

const encodeCursor = (row: { score: number; id: string }) => Buffer.from(`${row.score}|${row.id}`).toString('base64url');

/**
 * The worklist: clusters with at least one ad, highest risk first, with their reasons (identifiers in
 * the evidence masked), filters and a cursor. Audited with the cluster ids shown, nothing else.
 */
export async function listClusters(ctx: Ctx, input: ListClustersInput) {
  assertCan(ctx.actor, 'list', 'outreach-cluster');
  const limit = input.limit ?? CLUSTERS_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > CLUSTERS_MAX_LIMIT) throw invalid('querystring.limit', `must be a whole number from 1 to ${CLUSTERS_MAX_LIMIT}.`);
  let since: Date | null = null;
  if (input.newSince !== undefined) {
    since = new Date(`${input.newSince}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newSince) || Number.isNaN(since.getTime())) throw invalid('querystring.newSince', 'must be a date (YYYY-MM-DD).');
  }
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const claim = input.claim ?? 'all';
  const city = input.city?.trim();
  const language = input.language?.trim().toLowerCase();

  return inTransaction(ctx, async (tx) => {
    // Clusters never exist without ads (import and purge delete them with their last ad); size > 0 says so.
    let query = selectClusters(tx.db).where('outreach_clusters.size', '>', 0);
    if (city) query = query.where(sql<boolean>`exists (select 1 from unnest(outreach_clusters.cities) c where lower(c) = lower(${city}))`);
    if (language) query = query.where(sql<boolean>`outreach_clusters.languages @> ${sql.val([language])}::text[]`);
    if (input.minorRisk !== undefined) query = query.where('outreach_clusters.minor_risk', '=', input.minorRisk);
    if (since) query = query.where('outreach_clusters.first_seen_at', '>=', since);
    if (claim === 'unclaimed') query = query.where('outreach_clusters.claimed_by_user_id', 'is', null);
    if (claim === 'mine') query = query.where('outreach_clusters.claimed_by_user_id', '=', tx.actor.userId ?? '00000000-0000-0000-0000-000000000000');
    if (cursor) query = query.where(sql<boolean>`(outreach_clusters.score < ${cursor.score} or (outreach_clusters.score = ${cursor.score} and outreach_clusters.id > ${cursor.id}))`);
    const rows = await query.orderBy('outreach_clusters.score', 'desc').orderBy('outreach_clusters.id', 'asc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);

    // The filter form's choices, with the first page only (later pages keep the first page's).
    const facetRows = cursor ? { rows: [] } : await sql<{ kind: string; value: string }>`
      select distinct 'city' as kind, c as value from outreach_clusters, unnest(cities) c where size > 0
      union
      select distinct 'language' as kind, l as value from outreach_clusters, unnest(languages) l where size > 0
      order by 1, 2`.execute(tx.db);

    await recordAudit(tx, {
      action: 'outreach-cluster.list',
      resourceType: 'outreach-cluster',
      purpose: 'outreach',
      details: {
        filters: { city, language, minorRisk: input.minorRisk, newSince: input.newSince, claim },
        clusterIds: page.map((r) => r.id),
      },
    });
    const last = page.at(-1);
    return {
      items: page.map((r) => presentClusterSummary(tx.keyring, tx.actor, r, { mask: true })),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      facets: {
        // Empty on later pages: the first page carries them.
        cities: facetRows.rows.filter((f) => f.kind === 'city').map((f) => f.value),
        languages: facetRows.rows.filter((f) => f.kind === 'language').map((f) => f.value),
      },
    };
  });
}
