import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Key-encryption keys (KEKs) by id. Values are never encrypted with a KEK directly: each value gets
 * its own data key, which is wrapped with the active KEK (envelope encryption). The key id travels
 * with every ciphertext, so old values stay readable after rotation until `baken keys rotate`
 * re-wraps them.
 */
export type Keyring = {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
};

type KeyFile = { active: string; keys: Record<string, string> };

export class KeyringError extends Error {}

export function newKeyId(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${crypto.randomBytes(3).toString('hex')}`;
}

function parse(file: KeyFile, source: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const [id, b64] of Object.entries(file.keys ?? {})) {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new KeyringError(`${source}: key id "${id}" has characters other than A-Z a-z 0-9 _ -`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new KeyringError(`${source}: key "${id}" must be 32 bytes (base64), got ${key.length}`);
    keys.set(id, key);
  }
  if (!keys.has(file.active)) throw new KeyringError(`${source}: active key "${file.active}" is not among the keys`);
  return { activeKeyId: file.active, keys };
}

/** Loads the key file, creating it (mode 0600) with one fresh key when it does not exist yet. */
export function loadOrCreateKeyring(keyFile: string): Keyring {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const id = newKeyId();
    const content: KeyFile = { active: id, keys: { [id]: crypto.randomBytes(32).toString('base64') } };
    fs.writeFileSync(keyFile, JSON.stringify(content, null, 2), { mode: 0o600, flag: 'wx' });
  }
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as KeyFile;
  } catch (e) {
    throw new KeyringError(`${keyFile}: not a readable key file (${(e as Error).message})`);
  }
  return parse(parsed, keyFile);
}

/** Adds a new key, makes it active and writes the file atomically. Returns the new keyring. */
export function addActiveKey(keyFile: string, keyring: Keyring, now = new Date()): Keyring {
  const id = newKeyId(now);
  const keys: Record<string, string> = {};
  for (const [k, v] of keyring.keys) keys[k] = v.toString('base64');
  keys[id] = crypto.randomBytes(32).toString('base64');
  const tmp = `${keyFile}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ active: id, keys }, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, keyFile);
  return parse({ active: id, keys }, keyFile);
}
