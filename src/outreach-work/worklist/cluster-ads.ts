/**
 * The ads of one cluster, decrypted, as the cluster page shows them: text with the indicators'
 * evidence located in it, and what the template, the identifier graph and the timeline are built from.
 */
import { phoneToken, outreachKeyToken } from '../../crypto/blind-index.ts';
import type { Ctx } from '../../context.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import { openAdRecord, openFeatures, phoneHint } from '../ad-store.ts';
import type { GraphAd } from './identifier-graph.ts';
import { maskEmail, maskHandle } from './mask-identifiers.ts';

/** A cluster page shows at most this many ads (the newest); the rest are counted. */
export const CLUSTER_PAGE_MAX_ADS = 200;

export type AdIndicator = { code: string; weight: number; evidence: string; field: 'title' | 'body' | null; start: number | null; end: number | null };

export type ClusterAd = {
  id: string;
  source: string;
  externalId: string;
  title: string | null;
  body: string | null;
  url: string | null;
  city: string | null;
  age: number | null;
  language: string;
  postedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  adScore: number | null;
  personas: string[];
  indicators: AdIndicator[];
};

/** Where the evidence appears in the shown text (the engine's span is in its normalised text). */
function locate(evidence: string, title: string | null, body: string | null): Pick<AdIndicator, 'field' | 'start' | 'end'> {
  const needle = evidence.trim().toLowerCase();
  if (needle.length >= 2) {
    for (const [field, text] of [['body', body], ['title', title]] as const) {
      const at = text ? text.toLowerCase().indexOf(needle) : -1;
      if (at >= 0) return { field, start: at, end: at + needle.length };
    }
  }
  return { field: null, start: null, end: null };
}

export async function loadClusterAds(db: Ctx['db'], keyring: Keyring, clusterId: string) {
  const rows = await db
    .selectFrom('outreach_ads')
    .select(['id', 'source', 'external_id', 'record_enc', 'features_enc', 'ad_score', 'language', 'city', 'posted_at', 'first_seen_at', 'last_seen_at'])
    .where('cluster_id', '=', clusterId)
    .orderBy(({ fn, ref }) => fn.coalesce(ref('posted_at'), ref('first_seen_at')), 'desc')
    .orderBy('id')
    .limit(CLUSTER_PAGE_MAX_ADS)
    .execute();
  const ads: ClusterAd[] = [];
  const graph: GraphAd[] = [];
  const bodies: string[] = [];
  const timeline: { adId: string; postedAt: string; city: string | null }[] = [];
  for (const row of rows) {
    const record = openAdRecord(keyring, row.id, row.record_enc);
    const f = openFeatures(keyring, row.id, row.features_enc);
    const title = record.title ?? null;
    const body = record.body ?? null;
    const city = record.city ?? row.city ?? null;
    ads.push({
      id: row.id,
      source: row.source,
      externalId: row.external_id,
      title,
      body,
      url: record.url ?? null,
      city,
      age: record.age ?? f.age ?? null,
      language: row.language,
      postedAt: row.posted_at ? row.posted_at.toISOString() : null,
      firstSeenAt: row.first_seen_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      adScore: row.ad_score,
      personas: f.names,
      indicators: f.indicators.map((h) => ({ code: h.code, weight: h.weight, evidence: h.evidence, ...locate(h.evidence, title, body) })),
    });
    if (body) bodies.push(body);
    graph.push({
      adId: row.id,
      label: f.names.length ? f.names.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join(', ') : (title ?? row.external_id).slice(0, 40),
      phones: f.phones.map((e164) => ({ token: phoneToken(keyring, e164), hint: phoneHint(e164) })),
      emails: f.emails.map((e) => ({ token: outreachKeyToken(keyring, `email:${e}`), masked: maskEmail(e) })),
      handles: f.handles.map((h) => ({ token: outreachKeyToken(keyring, `handle:${h}`), masked: maskHandle(h) })),
      imageHashes: f.imageHashes.map((h) => h.toString(16).padStart(16, '0')),
    });
    if (row.posted_at) timeline.push({ adId: row.id, postedAt: row.posted_at.toISOString(), city });
  }
  timeline.sort((a, b) => (a.postedAt < b.postedAt ? -1 : a.postedAt > b.postedAt ? 1 : 0));
  return { ads, graph, bodies, timeline };
}
