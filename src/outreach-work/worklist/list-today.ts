import { sql } from 'kysely';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { phoneToken } from '../../crypto/blind-index.ts';
import { invalid } from '../../errors/catalogue.ts';
import { openFeatures, phoneHint } from '../ad-store.ts';
import { presentClusterSummary, selectClusters, type ClusterRow } from './cluster-summary.ts';
import { phoneStatus } from './phone-status.ts';

/** An ad seen or posted this recently counts as "working now" (practitioners call people who are active). */
export const TODAY_ACTIVE_HOURS = 48;
/** A number contacted this recently is left alone (no pressure, no second message to a phone someone else reads). */
export const TODAY_RECONTACT_DAYS = 14;
export const TODAY_MIN_SIZE = 15;
export const TODAY_MAX_SIZE = 20;
const CLUSTER_PAGE = 50;
const MAX_CLUSTERS_SCANNED = 500;

type Candidate = { token: string; hint: string; at: Date; postedAt: Date | null; city: string | null; language: string };

/**
 * Today's contact list: the 15-20 most urgent numbers active now. Candidates are the phones in ads
 * seen or posted within TODAY_ACTIVE_HOURS, in clusters not claimed by a colleague; numbers in the
 * opt-out register or contacted within TODAY_RECONTACT_DAYS are left out; one entry per number,
 * ordered by cluster score, then by how recently the number was advertised. Audited with cluster ids.
 */
export async function listToday(ctx: Ctx, input: { size?: number }) {
  assertCan(ctx.actor, 'create', 'outreach-contact');
  assertCan(ctx.actor, 'list', 'outreach-cluster');
  const size = input.size ?? TODAY_MAX_SIZE;
  if (!Number.isInteger(size) || size < TODAY_MIN_SIZE || size > TODAY_MAX_SIZE) throw invalid('querystring.size', `must be a whole number from ${TODAY_MIN_SIZE} to ${TODAY_MAX_SIZE}.`);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const since = new Date(now.getTime() - TODAY_ACTIVE_HOURS * 3_600_000);
    const contactedSince = new Date(now.getTime() - TODAY_RECONTACT_DAYS * 86_400_000);
    const me = tx.actor.userId;
    const entries: { row: ClusterRow; c: Candidate }[] = [];
    const used = new Set<string>();
    for (let offset = 0; offset < MAX_CLUSTERS_SCANNED && entries.length < size; offset += CLUSTER_PAGE) {
      // A cluster's last_seen_at and last_posted_at are the latest of its ads' (kept by every import).
      let query = selectClusters(tx.db).where((eb) => eb.or([eb('outreach_clusters.last_seen_at', '>=', since), eb('outreach_clusters.last_posted_at', '>=', since)]));
      query = me
        ? query.where((eb) => eb.or([eb('outreach_clusters.claimed_by_user_id', 'is', null), eb('outreach_clusters.claimed_by_user_id', '=', me)]))
        : query.where('outreach_clusters.claimed_by_user_id', 'is', null);
      const clusters = await query
        .orderBy('outreach_clusters.score', 'desc')
        .orderBy(sql`outreach_clusters.last_posted_at desc nulls last`)
        .orderBy('outreach_clusters.id')
        .limit(CLUSTER_PAGE)
        .offset(offset)
        .execute();
      if (clusters.length === 0) break;
      const ads = await tx.db
        .selectFrom('outreach_ads')
        .select(['id', 'cluster_id', 'features_enc', 'posted_at', 'last_seen_at', 'city', 'language'])
        .where('cluster_id', 'in', clusters.map((c) => c.id))
        .where((eb) => eb.or([eb('last_seen_at', '>=', since), eb('posted_at', '>=', since)]))
        .execute();
      const perCluster = new Map<string, Map<string, Candidate>>();
      for (const ad of ads) {
        const f = openFeatures(tx.keyring, ad.id, ad.features_enc);
        const at = ad.posted_at && ad.posted_at > ad.last_seen_at ? ad.posted_at : (ad.posted_at ?? ad.last_seen_at);
        let phones = perCluster.get(ad.cluster_id!);
        if (!phones) perCluster.set(ad.cluster_id!, (phones = new Map()));
        for (const e164 of f.phones) {
          const known = phones.get(e164);
          if (known && known.at >= at) continue;
          phones.set(e164, { token: phoneToken(tx.keyring, e164), hint: phoneHint(e164), at, postedAt: ad.posted_at, city: ad.city, language: ad.language });
        }
      }
      const tokens = [...perCluster.values()].flatMap((m) => [...m.values()].map((c) => c.token));
      const { optedOut, lastContactAt } = await phoneStatus(tx.db, tokens);
      for (const row of clusters) {
        const candidates = [...(perCluster.get(row.id)?.values() ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.token < b.token ? -1 : 1));
        for (const c of candidates) {
          if (entries.length >= size) break;
          if (used.has(c.token) || optedOut.has(c.token)) continue;
          const last = lastContactAt.get(c.token);
          if (last && last >= contactedSince) continue;
          used.add(c.token);
          entries.push({ row, c });
        }
      }
    }
    await recordAudit(tx, {
      action: 'outreach-cluster.today',
      resourceType: 'outreach-cluster',
      purpose: 'outreach',
      details: { clusterIds: [...new Set(entries.map((e) => e.row.id))], entries: entries.length },
    });
    return {
      activeHours: TODAY_ACTIVE_HOURS,
      recontactDays: TODAY_RECONTACT_DAYS,
      generatedAt: now.toISOString(),
      items: entries.map(({ row, c }) => {
        const summary = presentClusterSummary(tx.keyring, tx.actor, row, { mask: true });
        return {
          clusterId: row.id,
          score: row.score,
          reasons: summary.reasons.slice(0, 3),
          phoneToken: c.token,
          phoneHint: c.hint,
          language: c.language,
          city: c.city,
          lastPostedAt: c.postedAt ? c.postedAt.toISOString() : null,
          lastActiveAt: c.at.toISOString(),
          claimedBy: summary.claimedBy,
        };
      }),
    };
  });
}
