import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { sql } from 'kysely';
import type { AppServices } from '../context.ts';
import { FileIntegrityError, rewrapFileBytes, storedFilePath, writeFileAtomic } from '../files/file-format.ts';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns.ts';
import { DecryptionError, rewrapField } from './envelope.ts';
import { addActiveKey, loadOrCreateKeyring, type Keyring } from './keyring.ts';

export type RotationProgress = { done: number; total: number; step: string };
export type RotationCounts = { rewrapped: number; current: number; failed: string[] };
export type RotationResult = {
  keyId: string;
  previousKeyId: string;
  columns: ({ table: string; column: string } & RotationCounts)[];
  files: RotationCounts;
  /** The new keyring, for a long-running caller that wants to keep going with it. */
  keyring: Keyring;
};

/**
 * Adds a new active key to the key file, then re-wraps the data key of every encrypted value and
 * every stored file with it (the encrypted bodies stay as they are). Works in batches, each in its
 * own transaction with the rows locked, so concurrent writes are not lost and an interruption
 * leaves every value readable (old keys stay in the key file: backups may still need them).
 * Values that cannot be unwrapped are reported by id, not fatal. Running app instances keep their
 * keyring in memory: restart them afterwards so that they can read values under the new key.
 */
export async function rotateKeys(
  services: AppServices,
  opts: { onProgress?: (p: RotationProgress) => void; batchSize?: number } = {},
): Promise<RotationResult> {
  const batchSize = opts.batchSize ?? 500;
  const { config, db } = services;
  // Start from the key file as it is now (merged with what this process holds), so that a key added
  // since this process started is never dropped from the file.
  const onDisk = fs.existsSync(config.keyFile) ? loadOrCreateKeyring(config.keyFile) : services.keyring;
  const merged: Keyring = { activeKeyId: onDisk.activeKeyId, keys: new Map([...services.keyring.keys, ...onDisk.keys]) };
  const keyring = addActiveKey(config.keyFile, merged, services.clock.now());

  let total = Number((await db.selectFrom('stored_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  for (const c of ENCRYPTED_COLUMNS) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(db);
    total += rows[0]?.n ?? 0;
  }
  let done = 0;
  const progress = (step: string, n: number) => {
    done += n;
    opts.onProgress?.({ done, total, step });
  };

  const columns: RotationResult['columns'] = [];
  for (const c of ENCRYPTED_COLUMNS) {
    const counts = await rotateColumn(services, keyring, c, batchSize, (n) => progress(`${c.table}.${c.column}`, n));
    columns.push({ table: c.table, column: c.column, ...counts });
  }
  const files = await rotateFiles(services, keyring, batchSize, (n) => progress('files', n));
  return { keyId: keyring.activeKeyId, previousKeyId: merged.activeKeyId, columns, files, keyring };
}

async function rotateColumn(services: AppServices, keyring: Keyring, c: EncryptedColumn, batchSize: number, step: (n: number) => void) {
  const counts: RotationCounts = { rewrapped: 0, current: 0, failed: [] };
  const id = sql.ref(c.idColumn);
  const col = sql.ref(c.column);
  let after: string | null = null;
  for (;;) {
    const batch: { id: string; value: string }[] = await services.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; value: string }>`
        select ${id}::text as id, ${col} as value from ${sql.table(c.table)}
         where ${col} is not null ${after === null ? sql`` : sql`and ${id} > ${after}`}
         order by ${id} limit ${batchSize} for update`.execute(trx);
      for (const row of rows) {
        let next: string | null;
        try {
          next = rewrapField(keyring, row.value, c.aad(row));
        } catch (e) {
          if (!(e instanceof DecryptionError)) throw e;
          counts.failed.push(row.id);
          continue;
        }
        if (next === null) counts.current++;
        else {
          await sql`update ${sql.table(c.table)} set ${col} = ${next} where ${id} = ${row.id}`.execute(trx);
          counts.rewrapped++;
        }
      }
      return rows;
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    step(batch.length);
  }
  return counts;
}

async function rotateFiles(services: AppServices, keyring: Keyring, batchSize: number, step: (n: number) => void) {
  const counts: RotationCounts = { rewrapped: 0, current: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const batch = await services.db.transaction().execute(async (trx) => {
      let q = trx.selectFrom('stored_files').select('id').orderBy('id').limit(batchSize).forUpdate();
      if (after !== null) q = q.where('id', '>', after);
      const rows = await q.execute();
      for (const { id } of rows) {
        try {
          const file = storedFilePath(services.config.filesDir, id);
          const rewrapped = rewrapFileBytes(keyring, id, await fsp.readFile(file));
          if (rewrapped === null) {
            counts.current++;
            continue;
          }
          // File first, row second: the header is what decryption uses, the row only mirrors it.
          await writeFileAtomic(file, rewrapped);
          await trx.updateTable('stored_files').set({ key_id: keyring.activeKeyId }).where('id', '=', id).execute();
          counts.rewrapped++;
        } catch (e) {
          if (!(e instanceof FileIntegrityError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          counts.failed.push(id);
        }
      }
      return rows;
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    step(batch.length);
  }
  return counts;
}
