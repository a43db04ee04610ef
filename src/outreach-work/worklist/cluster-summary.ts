/**
 * A cluster as lists and the cluster page show it: the row's coarse facts, its reasons (decrypted;
 * masked for lists) and who claimed it. One presenter, so every response lists each field once.
 */
import type { Actor } from '../../access/actor.ts';
import type { Ctx } from '../../context.ts';
import { columnAad } from '../../crypto/encrypted-columns.ts';
import { decryptField } from '../../crypto/envelope.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import { maskReasons, type Reason } from './mask-identifiers.ts';

export const CLUSTER_COLUMNS = [
  'outreach_clusters.id', 'outreach_clusters.score', 'outreach_clusters.reasons_enc', 'outreach_clusters.size', 'outreach_clusters.personas',
  'outreach_clusters.cities', 'outreach_clusters.moves', 'outreach_clusters.phones', 'outreach_clusters.languages', 'outreach_clusters.minor_risk',
  'outreach_clusters.first_posted_at', 'outreach_clusters.last_posted_at', 'outreach_clusters.first_seen_at', 'outreach_clusters.last_seen_at',
  'outreach_clusters.claimed_by_user_id', 'outreach_clusters.claimed_at',
] as const;

export type ClusterRow = {
  id: string;
  score: number;
  reasons_enc: string;
  size: number;
  personas: number;
  cities: string[];
  moves: number;
  phones: number;
  languages: string[];
  minor_risk: boolean;
  first_posted_at: Date | null;
  last_posted_at: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
  claimed_by_user_id: string | null;
  claimed_at: Date | null;
  claimed_by_name: string | null;
};

/** Clusters with the name of whoever claimed them. */
export function selectClusters(db: Ctx['db']) {
  return db
    .selectFrom('outreach_clusters')
    .leftJoin('users as claimer', 'claimer.id', 'outreach_clusters.claimed_by_user_id')
    .select([...CLUSTER_COLUMNS, 'claimer.display_name as claimed_by_name']);
}

export function openReasons(keyring: Keyring, clusterId: string, value: string): Reason[] {
  const parsed = JSON.parse(decryptField(keyring, value, columnAad('outreach_clusters', 'reasons_enc', clusterId))) as Reason[];
  return parsed.map((r) => ({ code: String(r.code), weight: Number(r.weight), evidence: String(r.evidence ?? '') }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentClusterSummary(keyring: Keyring, viewer: Actor, row: ClusterRow, opts: { mask: boolean }) {
  const reasons = openReasons(keyring, row.id, row.reasons_enc);
  return {
    id: row.id,
    score: row.score,
    reasons: opts.mask ? maskReasons(reasons) : reasons,
    size: row.size,
    personas: row.personas,
    cities: row.cities,
    moves: row.moves,
    phones: row.phones,
    languages: row.languages,
    minorRisk: row.minor_risk,
    firstPostedAt: iso(row.first_posted_at),
    lastPostedAt: iso(row.last_posted_at),
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    claimedBy: row.claimed_by_user_id
      ? { id: row.claimed_by_user_id, name: row.claimed_by_name ?? '', me: row.claimed_by_user_id === viewer.userId }
      : null,
    claimedAt: iso(row.claimed_at),
  };
}

export type ClusterSummary = ReturnType<typeof presentClusterSummary>;
