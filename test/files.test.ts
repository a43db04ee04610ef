import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../src/context.ts';
import { FileIntegrityError, storedFilePath } from '../src/files/file-format.ts';
import { readFile } from '../src/files/read-file.ts';
import { storeFile } from '../src/files/store-file.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { testContext, testKeyring } from './helpers/test-context.ts';

let database: TestDatabase;
let ctx: Ctx;
let filesDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-files-'));
  const base = testContext(database);
  ctx = { ...base, config: { ...base.config, filesDir } };
});
afterAll(async () => {
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const MARKER = 'Statement of victim Jane Example, born 1990-02-03';

describe('stored files', () => {
  it('round-trips bytes and records the file', async () => {
    const bytes = Buffer.concat([Buffer.from(MARKER), crypto.randomBytes(10_000)]);
    const { id } = await storeFile(ctx, { bytes, mimeType: 'application/PDF', purpose: 'case-document' });
    const read = await readFile(ctx, id);
    expect(read.bytes.equals(bytes)).toBe(true);
    expect(read).toMatchObject({ mimeType: 'application/pdf', size: bytes.length });
    const row = await database.db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: 'case-document', size_bytes: bytes.length, key_id: ctx.keyring.activeKeyId, created_by: null });
    expect(new Date(row.created_at).toISOString()).toBe(ctx.clock.now().toISOString());
    // Written atomically: the final file only, no temporary left over.
    expect(fs.readdirSync(filesDir).filter((f) => f.includes(id))).toEqual([`${id}.bin`]);
  });

  it('round-trips an empty file', async () => {
    const { id } = await storeFile(ctx, { bytes: Buffer.alloc(0), mimeType: 'text/plain', purpose: 'note' });
    expect((await readFile(ctx, id)).bytes.length).toBe(0);
  });

  it('keeps no plaintext on disk', async () => {
    const bytes = Buffer.from(MARKER.repeat(20));
    const { id } = await storeFile(ctx, { bytes, mimeType: 'text/plain', purpose: 'case-document' });
    const onDisk = fs.readFileSync(storedFilePath(filesDir, id));
    expect(onDisk.subarray(0, 4).toString()).toBe('BKF1');
    expect(onDisk.includes(Buffer.from('Jane Example'))).toBe(false);
    expect(onDisk.includes(Buffer.from('1990-02-03'))).toBe(false);
  });

  it('refuses a file with one byte changed, in the content or in the header', async () => {
    const { id } = await storeFile(ctx, { bytes: Buffer.from(MARKER), mimeType: 'text/plain', purpose: 'case-document' });
    const file = storedFilePath(filesDir, id);
    const original = fs.readFileSync(file);
    for (const offset of [original.length - 30, original.length - 1, 20]) {
      const tampered = Buffer.from(original);
      tampered[offset] = tampered[offset]! ^ 0x01;
      fs.writeFileSync(file, tampered);
      const err = await readFile(ctx, id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileIntegrityError);
      expect((err as Error).message).toMatch(new RegExp(`stored file ${id} cannot be decrypted`));
    }
    fs.writeFileSync(file, original);
    expect((await readFile(ctx, id)).bytes.toString()).toBe(MARKER);
  });

  it('refuses a file copied over another one (the content is bound to its id)', async () => {
    const a = await storeFile(ctx, { bytes: Buffer.from('file A'), mimeType: 'text/plain', purpose: 'note' });
    const b = await storeFile(ctx, { bytes: Buffer.from('file B'), mimeType: 'text/plain', purpose: 'note' });
    fs.copyFileSync(storedFilePath(filesDir, a.id), storedFilePath(filesDir, b.id));
    await expect(readFile(ctx, b.id)).rejects.toThrow(FileIntegrityError);
  });

  it('refuses to decrypt with another keyring', async () => {
    const { id } = await storeFile(ctx, { bytes: Buffer.from('x'), mimeType: 'text/plain', purpose: 'note' });
    await expect(readFile({ ...ctx, keyring: testKeyring() }, id)).rejects.toThrow(/unknown key id|cannot be decrypted/);
  });

  it('answers NOT_FOUND for unknown or malformed ids, and says so when the file is gone from disk', async () => {
    await expect(readFile(ctx, crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readFile(ctx, '../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { id } = await storeFile(ctx, { bytes: Buffer.from('x'), mimeType: 'text/plain', purpose: 'note' });
    fs.rmSync(storedFilePath(filesDir, id));
    await expect(readFile(ctx, id)).rejects.toThrow(/is missing from/);
  });

  it('validates its input and writes nothing when invalid', async () => {
    const before = fs.readdirSync(filesDir).length;
    await expect(storeFile(ctx, { bytes: Buffer.from('x'), mimeType: 'not a type', purpose: 'note' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(storeFile(ctx, { bytes: Buffer.from('x'), mimeType: 'text/plain', purpose: 'Bad Purpose' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fs.readdirSync(filesDir).length).toBe(before);
  });
});
