import { assertCan } from '../../access/can.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { notFound } from '../../errors/catalogue.ts';

/**
 * The signal a contact was handed over as, for the outreach team: its number and the status a
 * submitter sees (never the registrar's reasons or the person's data), who handed it over and when.
 * Not personal data (a pseudonymous number), so not audited. 404 while the contact is not handed over.
 */
export async function readHandover(ctx: Ctx, input: { contactId: string }) {
  assertCan(ctx.actor, 'list', 'outreach-contact');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('outreach_contacts')
      .leftJoin('users as creator', 'creator.id', 'outreach_contacts.created_by_user_id')
      .leftJoin('signals', 'signals.outreach_contact_id', 'outreach_contacts.id')
      .leftJoin('users as submitter', 'submitter.id', 'signals.submitted_by_user_id')
      .select([
        'outreach_contacts.id', 'outreach_contacts.created_by_user_id', 'creator.organisation_id',
        'signals.id as signal_id', 'signals.number', 'signals.status', 'signals.received_at', 'submitter.display_name as submitted_by_name',
      ])
      .where('outreach_contacts.id', '=', input.contactId)
      .executeTakeFirst();
    if (!row) throw notFound();
    assertCan(tx.actor, 'list', { type: 'outreach-contact', ownerUserId: row.created_by_user_id, organisationId: row.organisation_id });
    if (!row.signal_id || !row.number || !row.status || !row.received_at) throw notFound('This contact has not been handed over.');
    return { contactId: row.id, signalId: row.signal_id, signalNumber: row.number, status: row.status, handedOverAt: row.received_at.toISOString(), handedOverByName: row.submitted_by_name };
  });
}
