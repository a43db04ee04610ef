import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { invalid } from '../../errors/catalogue.ts';
import { presentClusterSummary } from './cluster-summary.ts';
import { lockCluster, reloadCluster } from './lock-cluster.ts';
import { outreachWorkersQuery } from './outreach-workers.ts';

/** Assigns a cluster to an active outreach worker of the assigner's own organisation (replacing any claim). */
export async function assignCluster(ctx: Ctx, input: { id: string; userId: string }) {
  assertCan(ctx.actor, 'assign', 'outreach-cluster');
  const organisationId = ctx.actor.organisationId;
  if (!organisationId) throw invalid('body.userId', 'You belong to no organisation, so there is no colleague to assign this cluster to.');
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCluster(tx.db, input.id);
    const worker = await outreachWorkersQuery(tx.db, organisationId).where('users.id', '=', input.userId).executeTakeFirst();
    if (!worker) throw invalid('body.userId', 'is not an active outreach worker of your organisation.');
    if (locked.claimed_by_user_id !== worker.id) {
      await tx.db.updateTable('outreach_clusters').set({ claimed_by_user_id: worker.id, claimed_at: tx.clock.now() }).where('id', '=', locked.id).execute();
      await recordAudit(tx, {
        action: 'outreach-cluster.assign',
        resourceType: 'outreach-cluster',
        resourceId: locked.id,
        purpose: 'outreach',
        details: { userId: worker.id, previousUserId: locked.claimed_by_user_id },
      });
    }
    return presentClusterSummary(tx.keyring, tx.actor, await reloadCluster(tx.db, locked.id), { mask: true });
  });
}
