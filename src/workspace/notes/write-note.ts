import crypto from 'node:crypto';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { sealText } from '../../cases/person.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { Visibility } from '../../db/schema.ts';
import { conflict, invalid } from '../../errors/catalogue.ts';
import { peopleById } from '../people.ts';
import { mayReadFreeText, VISIBILITIES } from '../visibility.ts';
import { presentNote } from './present-note.ts';

export const NOTE_MAX_LENGTH = 10_000;

export type WriteNoteInput = { caseId: string; visibility: Visibility; body: string };

/**
 * Adds a note to a case. Notes are never edited or deleted by users (a correction is a new note), the
 * body is stored only encrypted, and the audit entry records the note's id and visibility, never its
 * text. The note appears on the case timeline (from case_notes) without its text.
 */
export async function writeNote(ctx: Ctx, input: WriteNoteInput) {
  assertCan(ctx.actor, 'write', 'note');
  const body = input.body.trim();
  if (!body) throw invalid('body.body', 'Write the note first; it is empty.');
  if (body.length > NOTE_MAX_LENGTH) throw invalid('body.body', `A note may have at most ${NOTE_MAX_LENGTH} characters (this one has ${body.length}).`);
  if (!(VISIBILITIES as readonly string[]).includes(input.visibility)) throw invalid('body.visibility', `Choose one of: ${VISIBILITIES.join(', ')}.`);
  if (input.visibility === 'organisation' && !ctx.actor.organisationId) {
    throw invalid('body.visibility', 'You belong to no organisation, so a note for "your organisation" would be seen by nobody.');
  }
  return inTransaction(ctx, async (tx) => {
    // Locks the case row: a note and a closure of the same case never interleave.
    const { row } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    if (row.status === 'closed') throw conflict('The case is closed; reopen it before adding notes.');
    const id = crypto.randomUUID();
    const note = await tx.db
      .insertInto('case_notes')
      .values({
        id,
        case_id: row.id,
        visibility: input.visibility,
        body_enc: sealText(tx.keyring, 'case_notes', 'body_enc', id, body)!,
        author_user_id: tx.actor.userId,
        author_organisation_id: tx.actor.organisationId,
        created_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'note.write', resourceType: 'note', resourceId: id, purpose: 'case-work', details: { caseId: row.id, visibility: input.visibility } });
    return presentNote(tx.actor, tx.keyring, note, await peopleById(tx.db, [note.author_user_id]), mayReadFreeText(tx.actor));
  });
}
