import crypto from 'node:crypto';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-access.ts';
import { sealText } from '../../cases/person.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { Visibility } from '../../db/schema.ts';
import { conflict, DomainError, type FieldProblem } from '../../errors/catalogue.ts';
import { storeFile } from '../../files/store-file.ts';
import { peopleById } from '../people.ts';
import { VISIBILITIES } from '../visibility.ts';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, FILE_NAME_MAX_LENGTH, isDocumentType } from './document-types.ts';
import { cleanFileName } from './file-name.ts';
import { checkDocumentContent } from './media-types.ts';
import { presentDocument } from './present-document.ts';

export type UploadDocumentInput = {
  caseId: string;
  documentType: string;
  visibility: Visibility;
  fileName: string;
  /** The media type the uploader claims (the Content-Type of the upload). */
  mediaType: string;
  bytes: Buffer;
};

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Adds a document to a case. Everything is checked before anything is stored: the type and
 * visibility, the file name, the size (PAYLOAD_TOO_LARGE) and that the content really is the allowed
 * media type it claims to be (magic bytes; UNSUPPORTED_MEDIA_TYPE otherwise). The bytes are stored
 * encrypted (purpose "case-document"), the original file name encrypted in the row, with the SHA-256
 * of the content so a download can be verified.
 */
export async function uploadDocument(ctx: Ctx, input: UploadDocumentInput) {
  assertCan(ctx.actor, 'upload', 'document');
  const problems: FieldProblem[] = [];
  if (!isDocumentType(input.documentType)) problems.push({ field: 'querystring.type', problem: `Choose one of: ${DOCUMENT_TYPES.join(', ')}.` });
  if (!(VISIBILITIES as readonly string[]).includes(input.visibility)) problems.push({ field: 'querystring.visibility', problem: `Choose one of: ${VISIBILITIES.join(', ')}.` });
  else if (input.visibility === 'organisation' && !ctx.actor.organisationId) {
    problems.push({ field: 'querystring.visibility', problem: 'You belong to no organisation, so "your organisation" would be nobody.' });
  }
  const fileName = cleanFileName(input.fileName);
  if (!fileName) problems.push({ field: 'querystring.fileName', problem: 'Give the file name.' });
  else if (fileName.length > FILE_NAME_MAX_LENGTH) problems.push({ field: 'querystring.fileName', problem: `A file name may have at most ${FILE_NAME_MAX_LENGTH} characters.` });
  if (input.bytes.length === 0) problems.push({ field: 'file', problem: 'The file is empty.' });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', `The upload is not valid: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);
  if (input.bytes.length > DOCUMENT_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `Documents are limited to ${megabytes(DOCUMENT_MAX_BYTES)}; this file has ${megabytes(input.bytes.length)}.`, [
      { field: 'file', problem: `The file is larger than ${megabytes(DOCUMENT_MAX_BYTES)}.` },
    ]);
  }
  const mediaType = checkDocumentContent(input.mediaType, input.bytes);
  const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');

  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    if (row.status === 'closed') throw conflict('The case is closed; reopen it before adding documents.');
    const file = await storeFile(tx, { bytes: input.bytes, mimeType: mediaType, purpose: 'case-document' });
    const id = crypto.randomUUID();
    const document = await tx.db
      .insertInto('case_documents')
      .values({
        id,
        case_id: row.id,
        file_id: file.id,
        document_type: input.documentType,
        file_name_enc: sealText(tx.keyring, 'case_documents', 'file_name_enc', id, fileName)!,
        mime_type: mediaType,
        size_bytes: input.bytes.length,
        sha256,
        visibility: input.visibility,
        uploaded_by_user_id: tx.actor.userId,
        uploaded_by_organisation_id: tx.actor.organisationId,
        uploaded_at: tx.clock.now(),
        removed_at: null,
        removed_by_user_id: null,
        removed_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'document.upload',
      resourceType: 'document',
      resourceId: id,
      purpose: 'case-work',
      details: { caseId: row.id, documentType: input.documentType, visibility: input.visibility, mediaType, sizeBytes: input.bytes.length, sha256 },
    });
    return presentDocument(tx.actor, tx.keyring, document, await peopleById(tx.db, [document.uploaded_by_user_id]), true);
  });
}
