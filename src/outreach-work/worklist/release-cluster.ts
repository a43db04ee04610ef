import { can, assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { DomainError } from '../../errors/catalogue.ts';
import { presentClusterSummary } from './cluster-summary.ts';
import { lockCluster, reloadCluster } from './lock-cluster.ts';

/** Releases a claim: the worker who holds it, or anyone who may assign clusters. An unclaimed cluster stays as it is. */
export async function releaseCluster(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'claim', 'outreach-cluster');
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCluster(tx.db, input.id);
    const holder = locked.claimed_by_user_id;
    if (holder) {
      if (holder !== tx.actor.userId && !can(tx.actor, 'assign', 'outreach-cluster')) {
        throw new DomainError('FORBIDDEN', 'Only the worker who claimed this cluster, or someone who may assign clusters, can release it.');
      }
      await tx.db.updateTable('outreach_clusters').set({ claimed_by_user_id: null, claimed_at: null }).where('id', '=', locked.id).execute();
      await recordAudit(tx, { action: 'outreach-cluster.release', resourceType: 'outreach-cluster', resourceId: locked.id, purpose: 'outreach', details: { previousUserId: holder } });
    }
    return presentClusterSummary(tx.keyring, tx.actor, await reloadCluster(tx.db, locked.id), { mask: true });
  });
}
