import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { peopleById } from '../people.ts';
import { mayReadFreeText, maySee } from '../visibility.ts';
import { presentNote } from './present-note.ts';

const LIMIT = 1000;

/**
 * The notes of a case the viewer may see (see visibility.ts), newest first. Reading works on a
 * closed case too. Every list is audited with the ids of the notes shown, never their text.
 */
export async function listNotes(ctx: Ctx, input: { caseId: string }) {
  assertCan(ctx.actor, 'list', 'note');
  return inTransaction(ctx, async (tx) => {
    const { row, myReferrals } = await loadCase(tx, input.caseId, 'read');
    const rows = await tx.db
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LIMIT)
      .execute();
    const shown = rows.filter((n) => maySee(tx.actor, { visibility: n.visibility, authorUserId: n.author_user_id, authorOrganisationId: n.author_organisation_id }));
    const withBody = mayReadFreeText(tx.actor);
    await recordAudit(tx, {
      action: 'note.list',
      resourceType: 'case',
      resourceId: row.id,
      purpose: myReferrals.length ? 'referral' : 'case-work',
      details: { noteIds: shown.map((n) => n.id), bodies: withBody },
    });
    const people = await peopleById(tx.db, shown.map((n) => n.author_user_id));
    return { items: shown.map((n) => presentNote(tx.actor, tx.keyring, n, people, withBody)) };
  });
}
