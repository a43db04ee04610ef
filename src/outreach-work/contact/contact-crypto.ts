import { columnAad } from '../../crypto/encrypted-columns.ts';
import { decryptField, encryptField } from '../../crypto/envelope.ts';
import type { Keyring } from '../../crypto/keyring.ts';

type Column = { table: 'outreach_contacts'; column: 'phone_enc' | 'message_enc' } | { table: 'outreach_contact_events'; column: 'note_enc' };

/** The number, message and notes of contacts are stored only encrypted, bound to their row. */
export function seal(keyring: Keyring, where: Column, id: string, value: string): string {
  return encryptField(keyring, value, columnAad(where.table, where.column, id));
}

export function open(keyring: Keyring, where: Column, id: string, value: string | null): string | null {
  return value === null ? null : decryptField(keyring, value, columnAad(where.table, where.column, id));
}

export const PHONE = { table: 'outreach_contacts', column: 'phone_enc' } as const;
export const MESSAGE = { table: 'outreach_contacts', column: 'message_enc' } as const;
export const NOTE = { table: 'outreach_contact_events', column: 'note_enc' } as const;
