import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices, Ctx } from '../src/context.ts';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { decryptField, encryptField, keyIdOf } from '../src/crypto/envelope.ts';
import { loadOrCreateKeyring, type Keyring } from '../src/crypto/keyring.ts';
import { rotateKeys, type RotationProgress } from '../src/crypto/rotate-keys.ts';
import { keyIdOfFile, storedFilePath } from '../src/files/file-format.ts';
import { readFile } from '../src/files/read-file.ts';
import { storeFile } from '../src/files/store-file.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { testContext } from './helpers/test-context.ts';

let database: TestDatabase;
let dir: string;
let ctx: Ctx;
let services: AppServices;
const secrets = new Map<string, { secret: string; pending: string | null }>();
const files = new Map<string, string>();
let movedUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-rotate-'));
  const keyFile = path.join(dir, 'keys.json');
  const base = testContext(database);
  ctx = { ...base, keyring: loadOrCreateKeyring(keyFile), config: { ...base.config, keyFile, filesDir: path.join(dir, 'files') } };
  const { actor: _a, origin: _o, ...rest } = ctx;
  services = { ...rest, db: database.db };

  const org = await database.db.insertInto('organisations').values({ name: 'Rotation org', type: 'police' }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 5; i++) {
    const user = await database.db
      .insertInto('users')
      .values({ organisation_id: org.id, role_id: 'registrar', email: `rot${i}@example.org`, display_name: `R ${i}`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const secret = `JBSWY3DPEHPK3PX${i}`;
    const pending = i % 2 === 0 ? `PENDING${i}` : null;
    await database.db
      .updateTable('users')
      .set({
        totp_secret: encryptField(ctx.keyring, secret, columnAad('users', 'totp_secret', user.id)),
        totp_pending_secret: pending && encryptField(ctx.keyring, pending, columnAad('users', 'totp_pending_secret', user.id)),
      })
      .where('id', '=', user.id)
      .execute();
    secrets.set(user.id, { secret, pending });
  }
  for (let i = 0; i < 3; i++) {
    const content = `document ${i}`;
    files.set((await storeFile(ctx, { bytes: Buffer.from(content), mimeType: 'text/plain', purpose: 'note' })).id, content);
  }
  // A value moved from another user's row: its aad no longer matches, so it can never be unwrapped.
  const moved = await database.db
    .insertInto('users')
    .values({ organisation_id: org.id, role_id: 'registrar', email: 'moved@example.org', display_name: 'M', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  movedUserId = moved.id;
  const [someone] = [...secrets.keys()];
  const donor = await database.db.selectFrom('users').select('totp_secret').where('id', '=', someone!).executeTakeFirstOrThrow();
  await database.db.updateTable('users').set({ totp_secret: donor.totp_secret }).where('id', '=', movedUserId).execute();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function expectAllUnder(keyring: Keyring) {
  const rows = await database.db.selectFrom('users').select(['id', 'totp_secret', 'totp_pending_secret']).where('id', 'in', [...secrets.keys()]).execute();
  expect(rows).toHaveLength(secrets.size);
  for (const r of rows) {
    const expected = secrets.get(r.id)!;
    expect(keyIdOf(r.totp_secret!)).toBe(keyring.activeKeyId);
    expect(decryptField(keyring, r.totp_secret!, columnAad('users', 'totp_secret', r.id))).toBe(expected.secret);
    if (expected.pending === null) expect(r.totp_pending_secret).toBeNull();
    else {
      expect(keyIdOf(r.totp_pending_secret!)).toBe(keyring.activeKeyId);
      expect(decryptField(keyring, r.totp_pending_secret!, columnAad('users', 'totp_pending_secret', r.id))).toBe(expected.pending);
    }
  }
  for (const [id, content] of files) {
    expect(keyIdOfFile(id, fs.readFileSync(storedFilePath(ctx.config.filesDir, id)))).toBe(keyring.activeKeyId);
    expect((await readFile({ ...ctx, keyring }, id)).bytes.toString()).toBe(content);
    const row = await database.db.selectFrom('stored_files').select('key_id').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.key_id).toBe(keyring.activeKeyId);
  }
}

describe('rotateKeys', () => {
  it('re-wraps every value and file under a new key; old keys stay in the file', async () => {
    const oldKeyring = ctx.keyring;
    const progress: RotationProgress[] = [];
    const result = await rotateKeys(services, { batchSize: 2, onProgress: (p) => progress.push(p) });

    expect(result.previousKeyId).toBe(oldKeyring.activeKeyId);
    expect(result.keyId).not.toBe(oldKeyring.activeKeyId);
    expect(result.columns.filter((c) => c.table === 'users')).toEqual([
      { table: 'users', column: 'totp_secret', rewrapped: 5, current: 0, failed: [movedUserId] },
      { table: 'users', column: 'totp_pending_secret', rewrapped: 3, current: 0, failed: [] },
    ]);
    // Every registered encrypted column is visited (the case columns are empty in this database).
    expect(result.columns.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(['cases.person_enc', 'signals.person_enc', 'signal_additions.text_enc']));
    expect(result.files).toEqual({ rewrapped: 3, current: 0, failed: [] });
    expect(progress.at(-1)).toMatchObject({ done: 12, total: 12 });
    expect(progress.length).toBeGreaterThan(4); // batches of 2

    const fromFile = loadOrCreateKeyring(ctx.config.keyFile);
    expect(fromFile.activeKeyId).toBe(result.keyId);
    expect([...fromFile.keys.keys()].sort()).toEqual([oldKeyring.activeKeyId, result.keyId].sort());
    await expectAllUnder(fromFile);

    // Only the new key is needed now: the data keys really were re-wrapped, not just relabelled.
    const newOnly: Keyring = { activeKeyId: result.keyId, keys: new Map([[result.keyId, fromFile.keys.get(result.keyId)!]]) };
    await expectAllUnder(newOnly);
    const [anyFile] = [...files.keys()];
    await expect(readFile({ ...ctx, keyring: oldKeyring }, anyFile!)).rejects.toThrow(/unknown key id/);
  });

  it('rotates again from the key file, keeping every key', async () => {
    const before = loadOrCreateKeyring(ctx.config.keyFile);
    const result = await rotateKeys({ ...services, keyring: before });
    expect(result.previousKeyId).toBe(before.activeKeyId);
    const after = loadOrCreateKeyring(ctx.config.keyFile);
    expect(after.keys.size).toBe(3);
    expect(result.files.rewrapped).toBe(3);
    await expectAllUnder(after);
  });
});
