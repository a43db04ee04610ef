import crypto from 'node:crypto';
import type { Keyring } from './keyring.ts';

/**
 * Keys for keyed hashing (blind indexes, signed challenges), derived with HKDF from the OLDEST key
 * in the keyring. Key ids start with their creation date, so the oldest sorts first. Rotation adds
 * keys but never removes the oldest, so these derived keys - and every blind index built with them -
 * stay stable across `baken keys rotate`. Each purpose gets its own key (HKDF info).
 */
const cache = new WeakMap<Keyring, Map<string, Buffer>>();

export function derivedKey(keyring: Keyring, purpose: 'blind-index' | 'public-challenge'): Buffer {
  let perRing = cache.get(keyring);
  if (!perRing) cache.set(keyring, (perRing = new Map()));
  const known = perRing.get(purpose);
  if (known) return known;
  const oldest = [...keyring.keys.keys()].sort()[0];
  if (oldest === undefined) throw new Error('The keyring holds no keys.');
  const key = Buffer.from(crypto.hkdfSync('sha256', keyring.keys.get(oldest)!, Buffer.alloc(0), `baken/${purpose}/v1`, 32));
  perRing.set(purpose, key);
  return key;
}

export function hmacHex(key: Buffer, value: string, length = 32): string {
  return crypto.createHmac('sha256', key).update(value).digest('hex').slice(0, length);
}
