import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { OutreachOutcome } from '../../db/schema.ts';
import { conflict, invalid } from '../../errors/catalogue.ts';
import { loadContact } from './contact-access.ts';
import { addContactEvent } from './contact-events.ts';
import { presentContactDetail } from './present-contact.ts';

export const OUTCOMES = ['no-answer', 'replied', 'conversation', 'declined', 'wants-help', 'referred'] as const satisfies readonly OutreachOutcome[];
export const OUTCOME_NOTE_MAX = 2000;
const YEAR_MS = 366 * 24 * 60 * 60_000;

export type RecordOutcomeInput = { id: string; outcome: OutreachOutcome; note?: string | undefined; followUpAt?: string | undefined };

/**
 * Records what came of a contact, with an optional note (stored encrypted) and an optional follow-up
 * reminder; each outcome is kept in the history. A new outcome replaces the reminder (none = cleared).
 */
export async function recordOutcome(ctx: Ctx, input: RecordOutcomeInput) {
  if (!(OUTCOMES as readonly string[]).includes(input.outcome)) throw invalid('body.outcome', `Choose one of: ${OUTCOMES.join(', ')}.`);
  const note = input.note?.trim() ?? '';
  if (note.length > OUTCOME_NOTE_MAX) throw invalid('body.note', `A note has at most ${OUTCOME_NOTE_MAX} characters (this one has ${note.length}).`);
  let followUpAt: Date | null = null;
  if (input.followUpAt !== undefined) {
    followUpAt = new Date(input.followUpAt);
    const now = ctx.clock.now().getTime();
    if (Number.isNaN(followUpAt.getTime())) throw invalid('body.followUpAt', 'must be a date and time, e.g. 2026-12-01T10:00:00Z');
    if (followUpAt.getTime() <= now) throw invalid('body.followUpAt', 'A follow-up reminder must be in the future.');
    if (followUpAt.getTime() > now + YEAR_MS) throw invalid('body.followUpAt', 'A follow-up reminder must be within a year.');
  }
  return inTransaction(ctx, async (tx) => {
    const row = await loadContact(tx, input.id, 'record-outcome', { forUpdate: true });
    if (row.delivery === 'queued') throw conflict('The message has not been sent yet; confirm that it was sent first.');
    if (row.delivery === 'failed') throw conflict('The message was never delivered, so there is no outcome to record.');
    const now = tx.clock.now();
    const updated = await tx.db
      .updateTable('outreach_contacts')
      .set({ outcome: input.outcome, outcome_at: now, follow_up_at: followUpAt })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addContactEvent(tx, row.id, 'outcome', { outcome: input.outcome, note });
    await recordAudit(tx, {
      action: 'outreach-contact.record-outcome',
      resourceType: 'outreach-contact',
      resourceId: row.id,
      purpose: 'outreach',
      details: { outcome: input.outcome, note: note.length > 0, followUpAt: followUpAt?.toISOString() ?? null },
    });
    return presentContactDetail(tx, updated);
  });
}
