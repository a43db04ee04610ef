import { assertCan, can } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { seesFreeText } from '../cases/field-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { identificationView } from './present-identification.ts';

/**
 * A case's identification procedures, decisions, reviews and victim status per stage (grant
 * identification:list, within case access; audited as a read of personal data). Reasons only for
 * viewers who see free text. Who may decide also gets the case's documents to choose from.
 */
export async function listIdentification(ctx: Ctx, input: { caseId: string }) {
  assertCan(ctx.actor, 'list', 'identification');
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read');
    const profile = getProfile(row.profile_id, row.profile_version);
    const showReasons = seesFreeText(tx.actor);
    const view = await identificationView(tx, row, profile, { showReasons });
    const documents = can(tx.actor, 'decide', 'identification')
      ? await tx.db
          .selectFrom('case_documents')
          .select(['id', 'document_type', 'uploaded_at'])
          .where('case_id', '=', row.id)
          .where('removed_at', 'is', null)
          .orderBy('uploaded_at')
          .execute()
      : [];
    await recordAudit(tx, {
      action: 'identification.list',
      resourceType: 'case',
      resourceId: row.id,
      purpose: 'identification',
      details: { procedures: view.procedures.length, reasons: showReasons },
    });
    return { ...view, documents: documents.map((d) => ({ id: d.id, documentType: d.document_type, uploadedAt: d.uploaded_at.toISOString() })) };
  });
}
