import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { MESSAGE, open, PHONE } from './contact-crypto.ts';
import { addContactEvent } from './contact-events.ts';
import { isOptedOut, lockPhone } from './opt-out-register.ts';
import { outreachProvider } from './providers/provider.ts';
import { OPTED_OUT_REASON } from './record-opt-out.ts';
import { checkSender } from './safety-rules.ts';

export type SendResult = 'sent' | 'waiting-in-outbox' | 'not-queued' | 'opted-out' | 'unsafe-sender';

/**
 * The job `outreach.send`: hands a queued message to the provider it was queued for. Idempotent (a
 * message that is no longer queued is left alone, so it is never sent twice); the opt-out register and
 * the sender name are checked again at the moment of sending. Logs ids only.
 */
export async function sendContactMessage(ctx: Ctx, input: { contactId: string }): Promise<SendResult> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('outreach_contacts').selectAll().where('id', '=', input.contactId).forUpdate().executeTakeFirst();
    if (!row || row.delivery !== 'queued' || row.channel === 'call') return 'not-queued';
    await lockPhone(tx.db, row.phone_token);
    if (await isOptedOut(tx.db, row.phone_token)) {
      await tx.db.updateTable('outreach_contacts').set({ delivery: 'failed', delivery_error: OPTED_OUT_REASON }).where('id', '=', row.id).execute();
      await addContactEvent(tx, row.id, 'cancelled');
      return 'opted-out';
    }
    const provider = outreachProvider(row.provider);
    if (!provider.deliversItself) return 'waiting-in-outbox';
    if (checkSender(tx.config.outreachSender).length) {
      await tx.db.updateTable('outreach_contacts').set({ delivery: 'failed', delivery_error: 'unsafe sender name' }).where('id', '=', row.id).execute();
      return 'unsafe-sender';
    }
    const { providerMessageId } = await provider.send({
      contactId: row.id,
      channel: row.channel,
      to: open(tx.keyring, PHONE, row.id, row.phone_enc)!,
      sender: tx.config.outreachSender,
      body: open(tx.keyring, MESSAGE, row.id, row.message_enc) ?? '',
    });
    await tx.db.updateTable('outreach_contacts').set({ delivery: 'sent', sent_at: tx.clock.now(), provider_message_id: providerMessageId }).where('id', '=', row.id).execute();
    await addContactEvent(tx, row.id, 'sent');
    await recordAudit(tx, { action: 'outreach-contact.send', resourceType: 'outreach-contact', resourceId: row.id, purpose: 'outreach', details: { provider: provider.id, providerMessageId } });
    tx.logger.info({ contactId: row.id, provider: provider.id }, 'outreach message sent');
    return 'sent';
  });
}
