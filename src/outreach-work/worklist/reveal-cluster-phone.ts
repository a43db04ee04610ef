import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { DomainError, notFound } from '../../errors/catalogue.ts';
import { clusterPhones } from '../ad-store.ts';
import { phoneStatus } from './phone-status.ts';

/**
 * Shows one phone number of a cluster (E.164) to an outreach worker about to make contact. Every
 * reveal is its own audit entry with the purpose 'outreach-contact'. A number in the opt-out register
 * is never shown again: there is no reason left to see it.
 */
export async function revealClusterPhone(ctx: Ctx, input: { clusterId: string; token: string }) {
  assertCan(ctx.actor, 'reveal', 'outreach-contact');
  return inTransaction(ctx, async (tx) => {
    const cluster = await tx.db.selectFrom('outreach_clusters').select('id').where('id', '=', input.clusterId).executeTakeFirst();
    if (!cluster) throw notFound('There is no cluster with this id.');
    const phone = (await clusterPhones(tx.db, tx.keyring, cluster.id)).find((p) => p.token === input.token);
    if (!phone) throw notFound('This cluster has no phone number with this token.');
    const status = await phoneStatus(tx.db, [phone.token]);
    if (status.optedOut.has(phone.token)) {
      throw new DomainError('OPTED_OUT', 'This number is in the opt-out register: it is not shown and must not be contacted.');
    }
    await recordAudit(tx, {
      action: 'outreach-contact.reveal',
      resourceType: 'outreach-cluster',
      resourceId: cluster.id,
      purpose: 'outreach-contact',
      details: { phoneToken: phone.token },
    });
    return { phone: phone.e164 };
  });
}
