import { columnAad } from '../crypto/encrypted-columns.ts';
import { decryptField, encryptField } from '../crypto/envelope.ts';
import type { Keyring } from '../crypto/keyring.ts';

/** TOTP secrets are encrypted at rest and bound to their user and column. */
export const sealTotpSecret = (keyring: Keyring, userId: string, secret: string, column: 'totp_secret' | 'totp_pending_secret') =>
  encryptField(keyring, secret, columnAad('users', column, userId));

export const openTotpSecret = (keyring: Keyring, userId: string, sealed: string, column: 'totp_secret' | 'totp_pending_secret') =>
  decryptField(keyring, sealed, columnAad('users', column, userId));
