/**
 * One batch of ads into the database: the core of every import (upload job, CLI, ingestion API, demo).
 *   importAdBatch(ctx, records, { importId }) -> { created, updated, unchanged, clustersTouched }
 * - Records are already parsed (outreach/io/parse-ad-line.ts); callers split input into batches of up
 *   to about 1,000 records and report malformed lines themselves.
 * - Idempotent by (source, id): the same record again only moves last_seen_at (the ad is still
 *   online); a changed record gets a new version (the previous one is kept in outreach_ad_versions);
 *   new ads are inserted. Within a batch the last record for a (source, id) wins.
 * - New and changed ads join the existing clusters incrementally (incremental-cluster.ts).
 * - Imports are serialised by an advisory lock: two batches re-clustering overlapping neighbourhoods
 *   at once could otherwise each keep a stale view of the other's clusters.
 * The server never reads `images` (local file paths) of an imported record: only `imageHashes` count.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { outreachKeyToken } from '../../crypto/blind-index.ts';
import type { AdRecord } from '../../outreach/types.ts';
import { openAdRecord, sealAdRecord, sealAdVersion, sealFeatures } from '../ad-store.ts';
import { analyseForStore, type AnalysedAd } from './analyze-for-store.ts';
import { reclusterAround } from './incremental-cluster.ts';
import { saveClusters } from './save-clusters.ts';
import { addWeeklyCounts } from './weekly-counts.ts';

export type ImportBatchResult = { created: number; updated: number; unchanged: number; clustersTouched: number };

const IMPORT_LOCK = 0x6f757472; // "outr"

function lastPerKey(records: readonly AdRecord[]): AdRecord[] {
  const byKey = new Map<string, AdRecord>();
  for (const r of records) byKey.set(`${r.source}\u0000${r.id}`, r);
  return [...byKey.values()];
}

function adColumns(a: AnalysedAd) {
  return {
    content_hash: a.contentHash,
    language: a.language,
    city: a.city,
    country: a.country,
    posted_at: a.postedAt,
    stated_age: a.statedAge,
    phone_count: a.features.phones.length,
    indicator_codes: a.indicatorCodes,
  };
}

export async function importAdBatch(ctx: Ctx, records: readonly AdRecord[], opts: { importId: string | null }): Promise<ImportBatchResult> {
  assertCan(ctx.actor, 'import', 'outreach-ad');
  const unique = lastPerKey(records);
  // Analysis is pure CPU work: done before the transaction holds the database.
  const analysed = unique.map((r, i) => analyseForStore(r, i));
  if (analysed.length === 0) return { created: 0, updated: 0, unchanged: 0, clustersTouched: 0 };

  return inTransaction(ctx, async (tx) => {
    const db = tx.db;
    await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(db);
    const now = tx.clock.now();
    const existing = await sql<{ id: string; source: string; external_id: string; content_hash: string; version: number; record_enc: string }>`
      select a.id, a.source, a.external_id, a.content_hash, a.version, a.record_enc
      from outreach_ads a
      join unnest(${analysed.map((a) => a.record.source)}::text[], ${analysed.map((a) => a.record.id)}::text[]) as k(s, e)
        on a.source = k.s and a.external_id = k.e`.execute(db);
    const byKey = new Map(existing.rows.map((r) => [`${r.source}\u0000${r.external_id}`, r]));

    const unchangedIds: string[] = [];
    const seeds: string[] = [];
    const keyRows: { key: string; ad_id: string }[] = [];
    const newAds: { id: string; a: AnalysedAd }[] = [];
    let updated = 0;
    for (const a of analysed) {
      const old = byKey.get(`${a.record.source}\u0000${a.record.id}`);
      if (!old) {
        newAds.push({ id: crypto.randomUUID(), a });
        continue;
      }
      if (old.content_hash === a.contentHash) {
        unchangedIds.push(old.id);
        continue;
      }
      // A changed ad: the previous version goes to the history, the current one is replaced.
      const versionId = crypto.randomUUID();
      await db
        .insertInto('outreach_ad_versions')
        .values({
          id: versionId,
          ad_id: old.id,
          version: old.version,
          content_hash: old.content_hash,
          record_enc: sealAdVersion(tx.keyring, versionId, openAdRecord(tx.keyring, old.id, old.record_enc)),
          received_at: now,
          import_id: opts.importId,
        })
        .execute();
      await db
        .updateTable('outreach_ads')
        .set({
          ...adColumns(a),
          version: old.version + 1,
          record_enc: sealAdRecord(tx.keyring, old.id, a.record),
          features_enc: sealFeatures(tx.keyring, old.id, a.features),
          last_seen_at: now,
          updated_at: now,
          import_id: opts.importId,
        })
        .where('id', '=', old.id)
        .execute();
      await db.deleteFrom('outreach_ad_keys').where('ad_id', '=', old.id).execute();
      for (const k of a.keys) keyRows.push({ key: outreachKeyToken(tx.keyring, k), ad_id: old.id });
      seeds.push(old.id);
      updated++;
    }

    for (let from = 0; from < newAds.length; from += 500) {
      const chunk = newAds.slice(from, from + 500);
      await db
        .insertInto('outreach_ads')
        .values(
          chunk.map(({ id, a }) => ({
            id,
            source: a.record.source,
            external_id: a.record.id,
            ...adColumns(a),
            record_enc: sealAdRecord(tx.keyring, id, a.record),
            features_enc: sealFeatures(tx.keyring, id, a.features),
            first_seen_at: now,
            last_seen_at: now,
            updated_at: now,
            import_id: opts.importId,
          })),
        )
        .execute();
    }
    for (const { id, a } of newAds) {
      for (const k of a.keys) keyRows.push({ key: outreachKeyToken(tx.keyring, k), ad_id: id });
      seeds.push(id);
    }
    for (let from = 0; from < keyRows.length; from += 2000) {
      await db.insertInto('outreach_ad_keys').values(keyRows.slice(from, from + 2000)).onConflict((oc) => oc.doNothing()).execute();
    }

    if (unchangedIds.length > 0) {
      await db.updateTable('outreach_ads').set({ last_seen_at: now }).where(sql<boolean>`id = any(${unchangedIds}::uuid[])`).execute();
      await sql`update outreach_clusters set last_seen_at = ${now}
                where id in (select cluster_id from outreach_ads where id = any(${unchangedIds}::uuid[]))`.execute(db);
    }

    const plan = await reclusterAround(tx, seeds);
    const saved = plan ? await saveClusters(tx, plan) : null;
    const adsByLanguage = new Map<string, number>();
    for (const { a } of newAds) adsByLanguage.set(a.language, (adsByLanguage.get(a.language) ?? 0) + 1);
    await addWeeklyCounts(tx, now, adsByLanguage, saved?.newByLanguage ?? new Map());

    const result = { created: newAds.length, updated, unchanged: unchangedIds.length, clustersTouched: saved?.written ?? 0 };
    await recordAudit(tx, { action: 'outreach.import-batch', resourceType: 'outreach-import', resourceId: opts.importId, details: result });
    return result;
  });
}
