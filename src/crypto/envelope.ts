import crypto from 'node:crypto';
import type { Keyring } from './keyring.ts';

/**
 * AES-256-GCM envelope encryption of column values.
 * Format: `ev1.<keyId>.<wrapped data key>.<iv>.<ciphertext+tag>` (base64url parts). The data key
 * is wrapped with the KEK under AES-256-GCM as well; `aad` binds a value to its place (e.g.
 * "users.totp_secret") so a ciphertext cannot be moved to another column unnoticed.
 */
const PREFIX = 'ev1';

export class DecryptionError extends Error {}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function gcmDecrypt(key: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < 28) throw new DecryptionError('ciphertext too short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
}

function kek(keyring: Keyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new DecryptionError(`unknown key id ${keyId}`);
  return key;
}

/** Wraps a fresh data key with the active KEK; returns the key and its wrapped form. */
export function newDataKey(keyring: Keyring, aad: string): { keyId: string; dataKey: Buffer; wrapped: Buffer } {
  const dataKey = crypto.randomBytes(32);
  return { keyId: keyring.activeKeyId, dataKey, wrapped: gcmEncrypt(kek(keyring, keyring.activeKeyId), dataKey, `dek:${aad}`) };
}

export function unwrapDataKey(keyring: Keyring, keyId: string, wrapped: Buffer, aad: string): Buffer {
  try {
    return gcmDecrypt(kek(keyring, keyId), wrapped, `dek:${aad}`);
  } catch (e) {
    if (e instanceof DecryptionError) throw e;
    throw new DecryptionError('data key does not authenticate (wrong key or tampered value)');
  }
}

export function encryptField(keyring: Keyring, plaintext: string, aad: string): string {
  const { keyId, dataKey, wrapped } = newDataKey(keyring, aad);
  const body = gcmEncrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad);
  return [PREFIX, keyId, wrapped.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(keyring: Keyring, value: string, aad: string): string {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw new DecryptionError('not an encrypted value');
  const [, keyId, wrapped, body] = parts as [string, string, string, string];
  const dataKey = unwrapDataKey(keyring, keyId, Buffer.from(wrapped, 'base64url'), aad);
  try {
    return gcmDecrypt(dataKey, Buffer.from(body, 'base64url'), aad).toString('utf8');
  } catch {
    throw new DecryptionError('value does not authenticate (tampered or moved)');
  }
}

export function keyIdOf(value: string): string | null {
  const parts = value.split('.');
  return parts.length === 4 && parts[0] === PREFIX ? (parts[1] ?? null) : null;
}

/**
 * Re-wraps the value's data key with the active KEK without touching the ciphertext body.
 * Returns null when the value already uses the active key.
 */
export function rewrapField(keyring: Keyring, value: string, aad: string): string | null {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw new DecryptionError('not an encrypted value');
  const [, keyId, wrapped, body] = parts as [string, string, string, string];
  if (keyId === keyring.activeKeyId) return null;
  const dataKey = unwrapDataKey(keyring, keyId, Buffer.from(wrapped, 'base64url'), aad);
  const rewrapped = gcmEncrypt(kek(keyring, keyring.activeKeyId), dataKey, `dek:${aad}`);
  return [PREFIX, keyring.activeKeyId, rewrapped.toString('base64url'), body].join('.');
}

export { gcmEncrypt, gcmDecrypt };
