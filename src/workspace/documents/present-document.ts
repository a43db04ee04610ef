import type { Selectable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { openText } from '../../cases/person.ts';
import type { FieldGroup } from '../../cases/field-groups.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import type { CaseDocumentsTable } from '../../db/schema.ts';
import { presentActor, type Person } from '../people.ts';
import { isFocalPoint, mayReadFreeText, maySee } from '../visibility.ts';
import { INVESTIGATION_DOCUMENT_TYPES } from './document-types.ts';

export type DocumentRow = Selectable<CaseDocumentsTable>;

/** Visibility level, plus the investigation rule for police reports (the uploader always sees theirs). */
export function maySeeDocument(viewer: Actor, row: DocumentRow, visible: ReadonlySet<FieldGroup>): boolean {
  const own = row.uploaded_by_user_id !== null && row.uploaded_by_user_id === viewer.userId;
  if (!own && INVESTIGATION_DOCUMENT_TYPES.has(row.document_type) && !visible.has('investigation')) return false;
  return maySee(viewer, { visibility: row.visibility, authorUserId: row.uploaded_by_user_id, authorOrganisationId: row.uploaded_by_organisation_id });
}

/** Soft removal: by the uploader's organisation or the focal point. */
export function mayRemoveDocument(viewer: Actor, row: DocumentRow): boolean {
  return isFocalPoint(viewer) || (viewer.organisationId !== null && viewer.organisationId === row.uploaded_by_organisation_id);
}

/** Metadata only; the original file name and a removal reason only for viewers who may read free text. */
export function presentDocument(viewer: Actor, keyring: Keyring, row: DocumentRow, people: Map<string, Person>, mayUpload: boolean) {
  const freeText = mayReadFreeText(viewer);
  return {
    id: row.id,
    caseId: row.case_id,
    documentType: row.document_type,
    visibility: row.visibility,
    fileName: freeText ? openText(keyring, 'case_documents', 'file_name_enc', row.id, row.file_name_enc) : null,
    mediaType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_user_id ? presentActor(viewer, people.get(row.uploaded_by_user_id)) : null,
    uploadedAt: row.uploaded_at.toISOString(),
    mine: row.uploaded_by_user_id !== null && row.uploaded_by_user_id === viewer.userId,
    removed: row.removed_at
      ? {
          at: row.removed_at.toISOString(),
          by: row.removed_by_user_id ? presentActor(viewer, people.get(row.removed_by_user_id)) : null,
          reason: freeText ? row.removed_reason : null,
        }
      : null,
    mayRemove: mayUpload && !row.removed_at && mayRemoveDocument(viewer, row),
  };
}
export type PresentedDocument = ReturnType<typeof presentDocument>;
