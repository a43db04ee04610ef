import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { loadContact } from './contact-access.ts';
import { open, PHONE } from './contact-crypto.ts';

/** The contact's phone number itself, for a worker about to call or send by hand. Every reveal is audited. */
export async function revealContactPhone(ctx: Ctx, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadContact(tx, input.id, 'reveal');
    await recordAudit(tx, { action: 'outreach-contact.reveal', resourceType: 'outreach-contact', resourceId: row.id, purpose: 'outreach', details: { clusterId: row.cluster_id } });
    return { phone: open(tx.keyring, PHONE, row.id, row.phone_enc)! };
  });
}
