import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { notFound } from '../../errors/catalogue.ts';
import { clusterPhones } from '../ad-store.ts';
import { loadClusterAds } from './cluster-ads.ts';
import { presentClusterSummary, selectClusters } from './cluster-summary.ts';
import { buildIdentifierGraph } from './identifier-graph.ts';
import { phoneStatus } from './phone-status.ts';
import { clusterTemplate } from './template-diff.ts';

/**
 * The cluster page: summary, reasons, its ads (decrypted), the template with its slots, the shared
 * identifiers as a graph, the cities on a timeline and its phones (token and hint only; the number
 * itself needs an audited reveal). Audited as a read of personal data (ad texts) with the ad ids.
 */
export async function readCluster(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'read', 'outreach-cluster');
  return inTransaction(ctx, async (tx) => {
    const row = await selectClusters(tx.db).where('outreach_clusters.id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('There is no cluster with this id.');
    const { ads, graph, bodies, timeline } = await loadClusterAds(tx.db, tx.keyring, row.id);
    if (ads.length === 0) throw notFound('This cluster has no ads (any more).');
    const adsTotal = Number((await tx.db.selectFrom('outreach_ads').select((eb) => eb.fn.countAll().as('n')).where('cluster_id', '=', row.id).executeTakeFirstOrThrow()).n);
    const phones = await clusterPhones(tx.db, tx.keyring, row.id);
    const status = await phoneStatus(tx.db, phones.map((p) => p.token));
    await recordAudit(tx, {
      action: 'outreach-cluster.read',
      resourceType: 'outreach-cluster',
      resourceId: row.id,
      purpose: 'outreach',
      details: { adIds: ads.map((a) => a.id), phones: phones.length },
    });
    return {
      cluster: presentClusterSummary(tx.keyring, tx.actor, row, { mask: true }),
      adsTotal,
      ads,
      template: clusterTemplate(bodies),
      graph: buildIdentifierGraph(graph),
      timeline,
      phones: phones.map((p) => ({
        token: p.token,
        hint: p.hint,
        ads: p.ads,
        obfuscated: p.obfuscated,
        optedOut: status.optedOut.has(p.token),
        lastContactAt: status.lastContactAt.get(p.token)?.toISOString() ?? null,
        lastPostedAt: p.lastPostedAt ? p.lastPostedAt.toISOString() : null,
      })),
    };
  });
}
