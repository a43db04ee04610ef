/** The associated data that binds an encrypted column value to its table, column and row. */
export function columnAad(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

/**
 * Every column holding envelope-encrypted values (envelope.ts). Key rotation re-wraps exactly these
 * and backups list the key ids they use, so a new encrypted column MUST be added here.
 */
export type EncryptedColumn = {
  table: string;
  column: string;
  /** The row's key, the `id` that `aad` receives. */
  idColumn: string;
  aad: (row: { id: string }) => string;
};

const column = (table: string, name: string, idColumn = 'id'): EncryptedColumn => ({
  table,
  column: name,
  idColumn,
  aad: (row) => columnAad(table, name, row.id),
});

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  column('users', 'totp_secret'),
  column('users', 'totp_pending_secret'),
  column('signals', 'person_enc'),
  column('signals', 'description_enc'),
  column('signal_additions', 'text_enc'),
  column('cases', 'person_enc'),
  column('cases', 'description_enc'),
  column('cases', 'investigation_enc'),
  column('identification_decisions', 'reasons_enc'),
  column('case_notes', 'body_enc'),
  column('case_documents', 'file_name_enc'),
  column('tasks', 'note_enc'),
  column('case_corrections', 'old_enc'),
  column('case_corrections', 'new_enc'),
  column('outreach_clusters', 'reasons_enc'),
  column('outreach_ads', 'record_enc'),
  column('outreach_ads', 'features_enc'),
  column('outreach_ad_versions', 'record_enc'),
  column('outreach_contacts', 'phone_enc'),
  column('outreach_contacts', 'message_enc'),
  column('outreach_contact_events', 'note_enc'),
];
