import crypto from 'node:crypto';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { openText } from '../../cases/person.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { DomainError, notFound } from '../../errors/catalogue.ts';
import { FileIntegrityError } from '../../files/file-format.ts';
import { readFile } from '../../files/read-file.ts';
import { mayReadFreeText } from '../visibility.ts';
import { loadDocument } from './load-document.ts';

/**
 * The content of a document for download: same access and visibility rules as the list, never a
 * removed document, and never for roles without personal data (a document is personal data through
 * and through). The content is checked against the SHA-256 taken at upload. Every download is audited.
 */
export async function downloadDocument(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'download', 'document');
  if (!mayReadFreeText(ctx.actor)) throw new DomainError('FORBIDDEN', 'Documents hold personal data; your role does not see personal data.');
  return inTransaction(ctx, async (tx) => {
    const { document, access } = await loadDocument(tx, input.id);
    if (document.removed_at) throw notFound('This document was removed and can no longer be downloaded.');
    const file = await readFile(tx, document.file_id);
    const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
    if (sha256 !== document.sha256) throw new FileIntegrityError(`document ${document.id}: the stored content does not match its SHA-256`);
    await recordAudit(tx, {
      action: 'document.download',
      resourceType: 'document',
      resourceId: document.id,
      purpose: access.myReferrals.length ? 'referral' : 'case-work',
      details: { caseId: document.case_id, documentType: document.document_type, sizeBytes: file.size, sha256 },
    });
    return {
      bytes: file.bytes,
      mediaType: document.mime_type,
      fileName: openText(tx.keyring, 'case_documents', 'file_name_enc', document.id, document.file_name_enc)!,
    };
  });
}
