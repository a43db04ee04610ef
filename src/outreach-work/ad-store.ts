/**
 * How imported ads are stored: the ad record and the engine's features are encrypted JSON bound to
 * their row (crypto/envelope.ts); everything that reads ads back goes through these functions.
 */
import type { Kysely } from 'kysely';
import { phoneToken } from '../crypto/blind-index.ts';
import { columnAad } from '../crypto/encrypted-columns.ts';
import { decryptField, encryptField } from '../crypto/envelope.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { DB } from '../db/schema.ts';
import type { AdFeatures, AdRecord } from '../outreach/types.ts';

export function sealAdRecord(keyring: Keyring, adId: string, record: AdRecord): string {
  return encryptField(keyring, JSON.stringify(record), columnAad('outreach_ads', 'record_enc', adId));
}

export function openAdRecord(keyring: Keyring, adId: string, value: string): AdRecord {
  return JSON.parse(decryptField(keyring, value, columnAad('outreach_ads', 'record_enc', adId))) as AdRecord;
}

export function sealAdVersion(keyring: Keyring, versionId: string, record: AdRecord): string {
  return encryptField(keyring, JSON.stringify(record), columnAad('outreach_ad_versions', 'record_enc', versionId));
}

export function openAdVersion(keyring: Keyring, versionId: string, value: string): AdRecord {
  return JSON.parse(decryptField(keyring, value, columnAad('outreach_ad_versions', 'record_enc', versionId))) as AdRecord;
}

type StoredFeatures = Omit<AdFeatures, 'imageHashes' | 'templateSketch'> & { imageHashes: string[] };

/** The features as the clusterer needs them again (the template text, not a sketch; image hashes as hex). */
export function sealFeatures(keyring: Keyring, adId: string, f: AdFeatures): string {
  const { templateSketch: _sketch, imageHashes, ...rest } = f;
  const stored: StoredFeatures = { ...rest, imageHashes: imageHashes.map((h) => h.toString(16).padStart(16, '0')) };
  return encryptField(keyring, JSON.stringify(stored), columnAad('outreach_ads', 'features_enc', adId));
}

export function openFeatures(keyring: Keyring, adId: string, value: string): AdFeatures {
  const stored = JSON.parse(decryptField(keyring, value, columnAad('outreach_ads', 'features_enc', adId))) as StoredFeatures;
  return { ...stored, imageHashes: stored.imageHashes.map((h) => BigInt(`0x${h}`)) };
}

export type ClusterPhone = {
  /** Keyed hash of the number (crypto/blind-index.ts phoneToken): safe in URLs and lists. */
  token: string;
  e164: string;
  /** The last two digits, to tell numbers apart without revealing them. */
  hint: string;
  ads: number;
  obfuscated: boolean;
  lastPostedAt: Date | null;
};

export function phoneHint(e164: string): string {
  return `…${e164.slice(-2)}`;
}

/**
 * The phone numbers of a cluster's ads, decrypted, most used first. Callers decide who may see the
 * number itself (reveal is audited); lists show the token and hint only.
 */
export async function clusterPhones(db: Kysely<DB>, keyring: Keyring, clusterId: string): Promise<ClusterPhone[]> {
  const rows = await db.selectFrom('outreach_ads').select(['id', 'features_enc', 'posted_at']).where('cluster_id', '=', clusterId).execute();
  const byNumber = new Map<string, ClusterPhone>();
  for (const row of rows) {
    const f = openFeatures(keyring, row.id, row.features_enc);
    for (const e164 of f.phones) {
      let p = byNumber.get(e164);
      if (!p) {
        p = { token: phoneToken(keyring, e164), e164, hint: phoneHint(e164), ads: 0, obfuscated: false, lastPostedAt: null };
        byNumber.set(e164, p);
      }
      p.ads++;
      if (f.obfuscatedPhones.includes(e164)) p.obfuscated = true;
      if (row.posted_at && (!p.lastPostedAt || row.posted_at > p.lastPostedAt)) p.lastPostedAt = row.posted_at;
    }
  }
  return [...byNumber.values()].sort((a, b) => b.ads - a.ads || (a.e164 < b.e164 ? -1 : 1));
}
