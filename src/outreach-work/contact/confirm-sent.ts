import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict } from '../../errors/catalogue.ts';
import { loadContact } from './contact-access.ts';
import { addContactEvent } from './contact-events.ts';
import { presentContactDetail } from './present-contact.ts';
import { outboxProvider } from './providers/outbox-provider.ts';

/**
 * The outbox: the worker confirms having sent the message by hand from the programme's phone.
 * Confirming twice changes nothing; a message cancelled by an opt-out can no longer be confirmed.
 */
export async function confirmSent(ctx: Ctx, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    const row = await loadContact(tx, input.id, 'create', { forUpdate: true });
    if (row.provider !== outboxProvider.id) throw conflict('This contact does not go through the outbox; there is nothing to confirm.');
    if (row.delivery === 'sent') return presentContactDetail(tx, row);
    if (row.delivery !== 'queued') throw conflict(`This message was cancelled (${row.delivery_error ?? row.delivery}); do not send it.`);
    const updated = await tx.db
      .updateTable('outreach_contacts')
      .set({ delivery: 'sent', sent_at: tx.clock.now() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addContactEvent(tx, row.id, 'sent');
    await recordAudit(tx, { action: 'outreach-contact.confirm-sent', resourceType: 'outreach-contact', resourceId: row.id, purpose: 'outreach', details: { provider: row.provider } });
    return presentContactDetail(tx, updated);
  });
}
