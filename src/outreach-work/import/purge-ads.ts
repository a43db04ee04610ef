import { sql } from 'kysely';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { planPurge } from './plan-purge.ts';

const CHUNK = 200;

/**
 * The retention purge of ads of people never contacted (plan-purge.ts has the rule): the daily job
 * `outreach.purge`, `baken outreach purge` and POST /api/outreach/purge. A dry run reports the plan;
 * a real run deletes it in chunks, each in its own transaction that locks its clusters and checks
 * again that nobody was contacted through them meanwhile (versions and clustering keys cascade).
 * One audit entry per run, with counts only.
 */
export async function purgeAds(ctx: Ctx, input: { dryRun: boolean }) {
  assertCan(ctx.actor, 'purge', 'outreach-ad');
  const now = ctx.clock.now();
  const plan = await planPurge(ctx, now);
  const counts = { ...plan.counts };
  if (!input.dryRun) {
    counts.clusters = 0;
    counts.ads = 0;
    counts.versions = 0;
    for (let i = 0; i < plan.clusterIds.length; i += CHUNK) {
      const ids = plan.clusterIds.slice(i, i + CHUNK);
      await inTransaction(ctx, async (tx) => {
        const still = await tx.db
          .selectFrom('outreach_clusters as c')
          .select('c.id')
          .where('c.id', 'in', ids)
          .where('c.last_seen_at', '<', plan.cutoff)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('outreach_contacts as oc').select(sql.lit(1).as('one')).whereRef('oc.cluster_id', '=', 'c.id'))))
          .forUpdate()
          .execute();
        const gone = still.map((c) => c.id);
        if (gone.length === 0) return;
        counts.versions += await countVersions(tx, 'cluster_id', gone);
        const ads = await tx.db.deleteFrom('outreach_ads').where('cluster_id', 'in', gone).returning('id').execute();
        const clusters = await tx.db.deleteFrom('outreach_clusters').where('id', 'in', gone).returning('id').execute();
        counts.ads += ads.length;
        counts.clusters += clusters.length;
      });
    }
    for (let i = 0; i < plan.adIds.length; i += CHUNK) {
      const ids = plan.adIds.slice(i, i + CHUNK);
      await inTransaction(ctx, async (tx) => {
        counts.versions += await countVersions(tx, 'id', ids, plan.cutoff);
        const ads = await tx.db.deleteFrom('outreach_ads').where('id', 'in', ids).where('cluster_id', 'is', null).where('last_seen_at', '<', plan.cutoff).returning('id').execute();
        counts.ads += ads.length;
      });
    }
  }
  const result = { dryRun: input.dryRun, asOf: now.toISOString(), cutoff: plan.cutoff.toISOString(), retentionDays: ctx.config.outreachRetentionDays, ...counts };
  await recordAudit(ctx, {
    action: input.dryRun ? 'outreach-ad.purge-dry-run' : 'outreach-ad.purge',
    resourceType: 'outreach-ad',
    purpose: 'retention',
    details: { cutoff: result.cutoff, retentionDays: result.retentionDays, clusters: counts.clusters, ads: counts.ads, versions: counts.versions },
  });
  return result;
}

async function countVersions(ctx: Ctx, column: 'id' | 'cluster_id', ids: string[], cutoff?: Date): Promise<number> {
  let q = ctx.db
    .selectFrom('outreach_ad_versions as v')
    .innerJoin('outreach_ads as a', 'a.id', 'v.ad_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(`a.${column}`, 'in', ids);
  if (cutoff) q = q.where('a.cluster_id', 'is', null).where('a.last_seen_at', '<', cutoff);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
