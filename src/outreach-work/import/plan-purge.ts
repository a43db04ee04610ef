import { sql } from 'kysely';
import { phoneToken } from '../../crypto/blind-index.ts';
import type { Ctx } from '../../context.ts';
import { openFeatures } from '../ad-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 500;

export type PurgePlan = {
  cutoff: Date;
  /** Clusters to delete with all their ads. */
  clusterIds: string[];
  /** Ads without a cluster to delete. */
  adIds: string[];
  counts: { clusters: number; ads: number; versions: number };
};

/** Phone tokens of contacted numbers, and a test whether any of some ads' phones is among them. */
async function contactedPhones(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('outreach_contacts').select('phone_token').distinct().execute();
  const tokens = new Set(rows.map((r) => r.phone_token));
  return (ads: { id: string; features_enc: string }[]) =>
    tokens.size > 0 && ads.some((ad) => openFeatures(ctx.keyring, ad.id, ad.features_enc).phones.some((p) => tokens.has(phoneToken(ctx.keyring, p))));
}

/**
 * What the retention purge deletes at `now` (docs/outreach-import.md). A cluster goes, with all its
 * ads, when it and every one of its ads were last seen before the cutoff (now minus
 * BAKEN_OUTREACH_RETENTION_DAYS) and nobody was ever contacted through it: no contact names the cluster
 * and no phone number of its ads was ever contacted (in any cluster). An ad without a cluster goes on
 * the same terms. The opt-out register is never touched. The dry run reports this plan; the real run
 * deletes exactly this plan (purge-ads.ts).
 */
export async function planPurge(ctx: Ctx, now: Date): Promise<PurgePlan> {
  const cutoff = new Date(now.getTime() - ctx.config.outreachRetentionDays * DAY_MS);
  const wasContacted = await contactedPhones(ctx);
  const candidates = await ctx.db
    .selectFrom('outreach_clusters as c')
    .select('c.id')
    .where('c.last_seen_at', '<', cutoff)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('outreach_contacts as oc').select(sql.lit(1).as('one')).whereRef('oc.cluster_id', '=', 'c.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('outreach_ads as a').select(sql.lit(1).as('one')).whereRef('a.cluster_id', '=', 'c.id').where('a.last_seen_at', '>=', cutoff))))
    .orderBy('c.id')
    .execute();
  const clusterIds: string[] = [];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const ids = candidates.slice(i, i + CHUNK).map((c) => c.id);
    const ads = await ctx.db.selectFrom('outreach_ads').select(['id', 'cluster_id', 'features_enc']).where('cluster_id', 'in', ids).execute();
    const byCluster = new Map<string, { id: string; features_enc: string }[]>();
    for (const ad of ads) byCluster.set(ad.cluster_id!, [...(byCluster.get(ad.cluster_id!) ?? []), ad]);
    for (const id of ids) if (!wasContacted(byCluster.get(id) ?? [])) clusterIds.push(id);
  }
  const loose = await ctx.db.selectFrom('outreach_ads').select(['id', 'features_enc']).where('cluster_id', 'is', null).where('last_seen_at', '<', cutoff).orderBy('id').execute();
  const adIds = loose.filter((ad) => !wasContacted([ad])).map((ad) => ad.id);

  let ads = adIds.length;
  let versions = 0;
  for (let i = 0; i < clusterIds.length; i += CHUNK) {
    const ids = clusterIds.slice(i, i + CHUNK);
    const r = await ctx.db.selectFrom('outreach_ads').select((eb) => eb.fn.countAll().as('n')).where('cluster_id', 'in', ids).executeTakeFirstOrThrow();
    ads += Number(r.n);
    versions += await countVersions(ctx, (db) => db.where('outreach_ads.cluster_id', 'in', ids));
  }
  for (let i = 0; i < adIds.length; i += CHUNK) {
    const ids = adIds.slice(i, i + CHUNK);
    versions += await countVersions(ctx, (db) => db.where('outreach_ads.id', 'in', ids));
  }
  return { cutoff, clusterIds, adIds, counts: { clusters: clusterIds.length, ads, versions } };
}

type VersionQuery = ReturnType<typeof versionQuery>;
const versionQuery = (ctx: Ctx) =>
  ctx.db.selectFrom('outreach_ad_versions').innerJoin('outreach_ads', 'outreach_ads.id', 'outreach_ad_versions.ad_id').select((eb) => eb.fn.countAll().as('n'));

async function countVersions(ctx: Ctx, filter: (q: VersionQuery) => VersionQuery): Promise<number> {
  return Number((await filter(versionQuery(ctx)).executeTakeFirstOrThrow()).n);
}
