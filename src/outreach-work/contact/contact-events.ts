import crypto from 'node:crypto';
import type { Ctx } from '../../context.ts';
import type { OutreachOutcome } from '../../db/schema.ts';
import { NOTE, seal } from './contact-crypto.ts';

export type ContactEvent = 'created' | 'sent' | 'outcome' | 'opted-out' | 'cancelled';

/** Appends to a contact's history; a note is stored only encrypted. */
export async function addContactEvent(tx: Ctx, contactId: string, event: ContactEvent, extra: { outcome?: OutreachOutcome | null; note?: string | null } = {}) {
  const id = crypto.randomUUID();
  await tx.db
    .insertInto('outreach_contact_events')
    .values({
      id,
      contact_id: contactId,
      at: tx.clock.now(),
      event,
      outcome: extra.outcome ?? null,
      note_enc: extra.note?.trim() ? seal(tx.keyring, NOTE, id, extra.note.trim()) : null,
      actor_user_id: tx.actor.userId,
    })
    .execute();
}
