/**
 * Incremental clustering: new and changed ads join the existing clusters without re-running everything.
 * 1. The neighbourhood: every ad that shares a clustering key (cluster-keys.ts) with a new ad, and all
 *    members of their clusters. Keys held by more than KEY_LIMIT ads (a generic number, a stock photo,
 *    a stock phrase) do not pull anything in: they would make every batch re-cluster half the database,
 *    and the engine would not link through them anyway.
 * 2. The engine clusters the neighbourhood from the stored features, exactly as `baken outreach analyze`
 *    does on a file, and scores clusters and ads.
 * 3. Stable ids: each new cluster keeps the id of the stored cluster it shares most ads with (greedy,
 *    largest overlap first), so claims, contacts and links survive; a cluster that was absorbed hands
 *    its contacts and claim to the cluster that took most of its ads.
 * Clusters outside the neighbourhood are untouched: they share no usable key with the new ads.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { Clusterer } from '../../outreach/cluster/clusterer.ts';
import type { ClusterOutput } from '../../outreach/cluster/cluster-ads.ts';
import { adKey, hex48 } from '../../outreach/cluster/hash.ts';
import { AdScorer } from '../../outreach/cluster/score-ads.ts';
import type { AdFeatures, AdResult } from '../../outreach/types.ts';
import { openFeatures } from '../ad-store.ts';

/** A key shared by more ads than this is generic: it does not select neighbours. */
export const KEY_LIMIT = 200;

export type NeighbourAd = {
  id: string;
  source: string;
  externalId: string;
  features: AdFeatures;
  oldClusterId: string | null;
  oldScore: number | null;
  oldCodes: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
};

export type ReclusterPlan = {
  ads: NeighbourAd[];
  out: ClusterOutput;
  results: AdResult[];
  /** The stored id of each new cluster (index as in out.clusters). */
  clusterIds: string[];
  /** Whether each new cluster continues a stored one. */
  continued: boolean[];
  /** Stored clusters of the neighbourhood that no longer exist -> the cluster that took most of their ads. */
  absorbed: Map<string, string>;
};

async function neighbourhoodIds(tx: Ctx, seedIds: readonly string[]): Promise<string[]> {
  const db = tx.db;
  const seedKeys = (await db.selectFrom('outreach_ad_keys').select('key').where('ad_id', 'in', seedIds).execute()).map((r) => r.key);
  const distinctKeys = [...new Set(seedKeys)];
  const ids = new Set(seedIds);
  if (distinctKeys.length > 0) {
    const counts = await db
      .selectFrom('outreach_ad_keys')
      .select(['key', (eb) => eb.fn.countAll<string>().as('n')])
      .where(sql<boolean>`key = any(${distinctKeys}::text[])`)
      .groupBy('key')
      .execute();
    const usable = counts.filter((c) => Number(c.n) > 1 && Number(c.n) <= KEY_LIMIT).map((c) => c.key);
    if (usable.length > 0) {
      const rows = await db.selectFrom('outreach_ad_keys').select('ad_id').distinct().where(sql<boolean>`key = any(${usable}::text[])`).execute();
      for (const r of rows) ids.add(r.ad_id);
    }
  }
  const all = [...ids];
  const clusters = await db.selectFrom('outreach_ads').select('cluster_id').distinct().where(sql<boolean>`id = any(${all}::uuid[])`).where('cluster_id', 'is not', null).execute();
  const clusterIds = clusters.map((c) => c.cluster_id!);
  if (clusterIds.length > 0) {
    const members = await db.selectFrom('outreach_ads').select('id').where(sql<boolean>`cluster_id = any(${clusterIds}::text[])`).execute();
    for (const m of members) ids.add(m.id);
  }
  return [...ids];
}

async function loadAds(tx: Ctx, ids: readonly string[]): Promise<NeighbourAd[]> {
  const rows = await tx.db
    .selectFrom('outreach_ads')
    .select(['id', 'source', 'external_id', 'features_enc', 'cluster_id', 'ad_score', 'indicator_codes', 'first_seen_at', 'last_seen_at'])
    .where(sql<boolean>`id = any(${[...ids]}::uuid[])`)
    .execute();
  return rows.map((r, index) => ({
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    features: { ...openFeatures(tx.keyring, r.id, r.features_enc), index },
    oldClusterId: r.cluster_id,
    oldScore: r.ad_score,
    oldCodes: r.indicator_codes,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
  }));
}

/** Greedy stable ids: the largest overlaps between new and stored clusters first, each used once. */
function assignIds(ads: readonly NeighbourAd[], out: ClusterOutput): { clusterIds: string[]; continued: boolean[]; absorbed: Map<string, string> } {
  const overlap = new Map<string, number>(); // `${c}\u0000${old}` -> ads
  const oldSize = new Map<string, number>();
  for (let i = 0; i < ads.length; i++) {
    const old = ads[i]!.oldClusterId;
    if (old === null) continue;
    const k = `${out.clusterOf[i]}\u0000${old}`;
    overlap.set(k, (overlap.get(k) ?? 0) + 1);
    oldSize.set(old, (oldSize.get(old) ?? 0) + 1);
  }
  const pairs = [...overlap.entries()].map(([k, n]) => {
    const [c, old] = k.split('\u0000') as [string, string];
    return { c: Number(c), old, n };
  });
  pairs.sort((a, b) => b.n - a.n || a.c - b.c || (a.old < b.old ? -1 : a.old > b.old ? 1 : 0));
  const C = out.clusters.length;
  const clusterIds: (string | null)[] = Array.from({ length: C }, (): string | null => null);
  const continued = Array.from({ length: C }, () => false);
  const usedOld = new Set<string>();
  for (const p of pairs) {
    if (clusterIds[p.c] !== null || usedOld.has(p.old)) continue;
    clusterIds[p.c] = p.old;
    continued[p.c] = true;
    usedOld.add(p.old);
  }
  // New clusters: the engine's id (a hash of the first member's key); a clash gets a salted variant.
  const taken = new Set<string>([...oldSize.keys(), ...clusterIds.filter((x): x is string => x !== null)]);
  for (let c = 0; c < C; c++) {
    if (clusterIds[c] !== null) continue;
    let id = out.clusters[c]!.clusterId;
    for (let salt = 1; taken.has(id); salt++) id = `c${hex48(adKey(id, String(salt)))}`;
    clusterIds[c] = id;
    taken.add(id);
  }
  // Absorbed: stored clusters that kept no id -> where most of their ads went.
  const absorbed = new Map<string, string>();
  const best = new Map<string, { n: number; c: number }>();
  for (const p of pairs) {
    if (usedOld.has(p.old)) continue;
    const b = best.get(p.old);
    if (!b || p.n > b.n) best.set(p.old, { n: p.n, c: p.c });
  }
  for (const [old, b] of best) absorbed.set(old, clusterIds[b.c]!);
  return { clusterIds: clusterIds as string[], continued, absorbed };
}

/** Re-clusters the neighbourhood of the given (new or changed) ads. Runs inside the import's transaction. */
export async function reclusterAround(tx: Ctx, seedIds: readonly string[]): Promise<ReclusterPlan | null> {
  if (seedIds.length === 0) return null;
  const ads = await loadAds(tx, await neighbourhoodIds(tx, seedIds));
  const clusterer = new Clusterer(undefined, { expectedAds: ads.length });
  for (const a of ads) clusterer.add(a.features);
  const retained = ads.map((a) => ({ id: a.features.id, source: a.features.source, indicators: a.features.indicators, phones: a.features.phones, language: a.features.language }));
  const out = clusterer.finish(retained);
  const scorer = new AdScorer(out);
  const results = retained.map((r, i) => scorer.score(r, i));
  return { ads, out, results, ...assignIds(ads, out) };
}

