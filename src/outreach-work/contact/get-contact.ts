import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { loadContact } from './contact-access.ts';
import { presentContactDetail } from './present-contact.ts';

/** One contact with its message and outcome history (notes decrypted): an audited read of personal data. */
export async function getContact(ctx: Ctx, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadContact(tx, input.id, 'list');
    await recordAudit(tx, { action: 'outreach-contact.read', resourceType: 'outreach-contact', resourceId: row.id, purpose: 'outreach' });
    return presentContactDetail(tx, row);
  });
}
