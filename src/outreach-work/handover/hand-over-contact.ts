import crypto from 'node:crypto';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { CodeCheck, currentProfile } from '../../cases/profile-codes.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, DomainError, notFound } from '../../errors/catalogue.ts';
import { freeNumber, newSignalNumber } from '../../intake/signal-numbers.ts';
import { afterSignalRecorded, reportedSignalRow } from '../../intake/signal-row.ts';
import { HANDOVER_OUTCOMES, type HandoverInput, type HandoverResult } from './handover-input.ts';

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/**
 * "Wants help": the person agreed to be handed over, so the outreach worker creates a signal in the
 * central information point, exactly as a professional would (number, profile version, encrypted
 * person and description, blind indexes, possible duplicates, the `signal-received` event and its
 * clocks), with channel `outreach`, legal basis `consent` and a link back to the contact. In the same
 * transaction the contact's outcome becomes `wants-help` with a `handed-over` event. A contact is
 * handed over once: a second attempt answers `created: false` with the existing signal.
 */
export async function handOverContact(ctx: Ctx, input: { contactId: string } & HandoverInput): Promise<HandoverResult> {
  assertCan(ctx.actor, 'handover', 'outreach-contact');
  const profile = currentProfile(ctx);
  const check = new CodeCheck(profile);
  if (input.consentConfirmed !== true) {
    check.add('body.consentConfirmed', 'Confirm that the person agreed to be handed over to the central information point with the information in this form.');
  }
  check.indicators('body.indicators', input.indicators);
  check.forms('body.forms', input.forms);
  check.sector('body.sector', input.sector);
  check.region('body.region', input.region);
  if (!input.description.trim()) check.add('body.description', 'is required');
  check.throwProblems();

  return inTransaction(ctx, async (tx) => {
    // Locked, so two handovers of one contact at the same time create one signal (the unique index
    // on signals.outreach_contact_id is the last word).
    const contact = await tx.db
      .selectFrom('outreach_contacts')
      .leftJoin('users', 'users.id', 'outreach_contacts.created_by_user_id')
      .select(['outreach_contacts.id', 'outreach_contacts.outcome', 'outreach_contacts.language', 'outreach_contacts.created_by_user_id', 'users.organisation_id'])
      .where('outreach_contacts.id', '=', input.contactId)
      .forUpdate('outreach_contacts')
      .executeTakeFirst();
    if (!contact) throw notFound();
    assertCan(tx.actor, 'handover', { type: 'outreach-contact', ownerUserId: contact.created_by_user_id, organisationId: contact.organisation_id });

    const existing = await tx.db.selectFrom('signals').select(['id', 'number']).where('outreach_contact_id', '=', contact.id).executeTakeFirst();
    if (existing) return { created: false, signalId: existing.id, signalNumber: existing.number };
    if (!(HANDOVER_OUTCOMES as readonly string[]).includes(contact.outcome ?? '')) {
      throw conflict('Record that the person replied (replied, conversation or wants help) before handing the contact over.', 'outcome');
    }

    const now = tx.clock.now();
    const id = crypto.randomUUID();
    const row = reportedSignalRow(tx, profile, id, await freeNumber(tx.db, 'signals', newSignalNumber, now), now, {
      channel: 'outreach',
      legalBasis: 'consent',
      clientRequestId: null,
      language: LANGUAGE_CODE.test(contact.language) ? contact.language : null,
      person: input.person,
      description: input.description,
      acuteDanger: input.acuteDanger,
      minorInvolved: input.minorInvolved,
      indicators: input.indicators ?? [],
      forms: input.forms ?? [],
      sector: input.sector,
      region: input.region,
      place: input.place,
      outreachContactId: contact.id,
    });
    await tx.db
      .insertInto('signals')
      .values(row)
      .execute()
      .catch((error: unknown) => {
        // Only reachable when another instance handed the same contact over between our lock and insert.
        if ((error as { code?: string }).code === '23505') throw new DomainError('CONFLICT', 'This contact was just handed over by someone else; reload the page.');
        throw error;
      });
    await tx.db
      .updateTable('outreach_contacts')
      .set({ outcome: 'wants-help', outcome_at: now, signal_id: id })
      .where('id', '=', contact.id)
      .execute();
    await tx.db
      .insertInto('outreach_contact_events')
      .values({ contact_id: contact.id, at: now, event: 'handed-over', outcome: 'wants-help', note_enc: null, actor_user_id: tx.actor.userId })
      .execute();
    await recordAudit(tx, {
      action: 'signal.submit',
      resourceType: 'signal',
      resourceId: id,
      purpose: 'signal',
      details: { channel: 'outreach', acuteDanger: input.acuteDanger, minorInvolved: input.minorInvolved, legalBasis: 'consent', outreachContactId: contact.id },
    });
    await recordAudit(tx, {
      action: 'outreach-contact.handover',
      resourceType: 'outreach-contact',
      resourceId: contact.id,
      purpose: 'outreach',
      details: { signalId: id, previousOutcome: contact.outcome },
    });
    await afterSignalRecorded(tx, row);
    return { created: true, signalId: id, signalNumber: row.number };
  });
}
