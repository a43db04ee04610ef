import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, DomainError } from '../../errors/catalogue.ts';
import { presentClusterSummary } from './cluster-summary.ts';
import { lockCluster, reloadCluster } from './lock-cluster.ts';

/**
 * Claims a cluster for the signed-in worker, so colleagues do not contact the same people twice.
 * Claiming one's own cluster again changes nothing; a cluster claimed by a colleague must be released
 * or reassigned first.
 */
export async function claimCluster(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'claim', 'outreach-cluster');
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError('FORBIDDEN', 'Only a signed-in worker can claim a cluster.');
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCluster(tx.db, input.id);
    if (locked.claimed_by_user_id && locked.claimed_by_user_id !== userId) {
      const holder = await tx.db.selectFrom('users').select('display_name').where('id', '=', locked.claimed_by_user_id).executeTakeFirst();
      throw conflict(`${holder?.display_name ?? 'A colleague'} has already claimed this cluster; ask them to release it, or reassign it.`);
    }
    if (!locked.claimed_by_user_id) {
      await tx.db.updateTable('outreach_clusters').set({ claimed_by_user_id: userId, claimed_at: tx.clock.now() }).where('id', '=', locked.id).execute();
      await recordAudit(tx, { action: 'outreach-cluster.claim', resourceType: 'outreach-cluster', resourceId: locked.id, purpose: 'outreach', details: { userId } });
    }
    return presentClusterSummary(tx.keyring, tx.actor, await reloadCluster(tx.db, locked.id), { mask: true });
  });
}
