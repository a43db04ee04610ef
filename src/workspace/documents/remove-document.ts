import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, DomainError, invalid } from '../../errors/catalogue.ts';
import { peopleById } from '../people.ts';
import { loadDocument } from './load-document.ts';
import { mayRemoveDocument, presentDocument } from './present-document.ts';

export const REMOVAL_REASON_MAX_LENGTH = 1000;

/**
 * Soft removal with a reason, by the uploader's organisation or the focal point: the document stays
 * (for the history and for decisions that relied on it, whose ids stay valid) but can no longer be
 * downloaded. The stored file is deleted later by retention.
 */
export async function removeDocument(ctx: Ctx, input: { id: string; reason: string }) {
  assertCan(ctx.actor, 'upload', 'document');
  const reason = input.reason.trim();
  if (!reason) throw invalid('body.reason', 'Give the reason for removing the document.');
  if (reason.length > REMOVAL_REASON_MAX_LENGTH) throw invalid('body.reason', `At most ${REMOVAL_REASON_MAX_LENGTH} characters.`);
  return inTransaction(ctx, async (tx) => {
    const { document, access } = await loadDocument(tx, input.id, { forUpdate: true });
    if (!mayRemoveDocument(tx.actor, document)) throw new DomainError('FORBIDDEN', "Only the uploader's organisation or the registrar may remove a document.");
    if (access.row.status === 'closed') throw conflict('The case is closed; reopen it before changing its documents.');
    if (document.removed_at) throw conflict('The document is already removed.');
    const removed = await tx.db
      .updateTable('case_documents')
      .set({ removed_at: tx.clock.now(), removed_by_user_id: tx.actor.userId, removed_reason: reason })
      .where('id', '=', document.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'document.remove', resourceType: 'document', resourceId: document.id, purpose: 'case-work', details: { caseId: document.case_id, reason } });
    return presentDocument(tx.actor, tx.keyring, removed, await peopleById(tx.db, [removed.uploaded_by_user_id, removed.removed_by_user_id]), true);
  });
}
