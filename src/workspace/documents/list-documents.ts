import { assertCan, can } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { peopleById } from '../people.ts';
import { maySeeDocument, presentDocument } from './present-document.ts';

const LIMIT = 1000;

/**
 * The documents of a case the viewer may see, newest first, metadata only (removed ones too, marked,
 * so the history stays visible). Audited with the ids shown.
 */
export async function listDocuments(ctx: Ctx, input: { caseId: string }) {
  assertCan(ctx.actor, 'list', 'document');
  return inTransaction(ctx, async (tx) => {
    const { row, visible, myReferrals } = await loadCase(tx, input.caseId, 'read');
    const rows = await tx.db
      .selectFrom('case_documents')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LIMIT)
      .execute();
    const shown = rows.filter((d) => maySeeDocument(tx.actor, d, visible));
    await recordAudit(tx, {
      action: 'document.list',
      resourceType: 'case',
      resourceId: row.id,
      purpose: myReferrals.length ? 'referral' : 'case-work',
      details: { documentIds: shown.map((d) => d.id) },
    });
    const people = await peopleById(tx.db, shown.flatMap((d) => [d.uploaded_by_user_id, d.removed_by_user_id]));
    const mayUpload = can(tx.actor, 'upload', 'document') && row.status !== 'closed';
    return { items: shown.map((d) => presentDocument(tx.actor, tx.keyring, d, people, mayUpload)) };
  });
}
