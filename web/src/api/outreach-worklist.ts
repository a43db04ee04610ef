// Online outreach worklist: ranked clusters, the cluster page, claims, reveals and today's contact
// list (docs/outreach-worklist.md; src/http/routes/outreach-worklist.ts).
import { queryOptions } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Items } from './types.ts';

export type Reason = { code: string; weight: number; evidence: string };
export type ClaimedBy = { id: string; name: string; me: boolean } | null;

export type ClusterSummary = {
  id: string;
  score: number;
  reasons: Reason[];
  size: number;
  personas: number;
  cities: string[];
  moves: number;
  phones: number;
  languages: string[];
  minorRisk: boolean;
  firstPostedAt: string | null;
  lastPostedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  claimedBy: ClaimedBy;
  claimedAt: string | null;
};

export type ClusterFilter = { city: string; language: string; minorRisk: '' | 'true' | 'false'; newSince: string; claim: 'all' | 'mine' | 'unclaimed' };
export const EMPTY_CLUSTER_FILTER: ClusterFilter = { city: '', language: '', minorRisk: '', newSince: '', claim: 'all' };

export type ClusterPageResponse = { items: ClusterSummary[]; nextCursor: string | null; facets: { cities: string[]; languages: string[] } };

export function fetchClusters(filter: ClusterFilter, cursor: string | null): Promise<ClusterPageResponse> {
  return api('GET', `/api/outreach/clusters${query({ ...filter, claim: filter.claim === 'all' ? '' : filter.claim, cursor })}`);
}

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
export type TemplateSegment = { text: string; kind: 'fixed' | 'slot'; variants?: string[] };
export type GraphNode = { id: string; kind: 'ad' | 'phone' | 'email' | 'handle' | 'photo'; label: string; adId?: string; ads?: number; token?: string };
export type IdentifierGraph = { nodes: GraphNode[]; edges: { from: string; to: string }[]; truncated: boolean };
export type TimelineEntry = { adId: string; postedAt: string; city: string | null };
export type ClusterPhone = { token: string; hint: string; ads: number; obfuscated: boolean; optedOut: boolean; lastContactAt: string | null; lastPostedAt: string | null };

export type ClusterDetail = {
  cluster: ClusterSummary;
  adsTotal: number;
  ads: ClusterAd[];
  template: { segments: TemplateSegment[]; ads: number; referenceShare: number };
  graph: IdentifierGraph;
  timeline: TimelineEntry[];
  phones: ClusterPhone[];
};

export const clusterQuery = (id: string) =>
  queryOptions({ queryKey: ['outreach-cluster', id], queryFn: () => api<ClusterDetail>('GET', `/api/outreach/clusters/${encodeURIComponent(id)}`) });

export type OutreachWorker = { id: string; name: string; me: boolean };
export const outreachWorkersQuery = queryOptions({ queryKey: ['outreach-workers'], queryFn: () => api<Items<OutreachWorker>>('GET', '/api/outreach/workers') });

export const claimCluster = (id: string) => api<ClusterSummary>('POST', `/api/outreach/clusters/${encodeURIComponent(id)}/claim`);
export const releaseCluster = (id: string) => api<ClusterSummary>('DELETE', `/api/outreach/clusters/${encodeURIComponent(id)}/claim`);
export const assignCluster = (id: string, userId: string) => api<ClusterSummary>('POST', `/api/outreach/clusters/${encodeURIComponent(id)}/assign`, { userId });
export const revealPhone = (clusterId: string, token: string) =>
  api<{ phone: string }>('POST', `/api/outreach/clusters/${encodeURIComponent(clusterId)}/phones/${encodeURIComponent(token)}/reveal`);

export type TodayItem = {
  clusterId: string;
  score: number;
  reasons: Reason[];
  phoneToken: string;
  phoneHint: string;
  language: string;
  city: string | null;
  lastPostedAt: string | null;
  lastActiveAt: string;
  claimedBy: ClaimedBy;
};
export type TodayList = { activeHours: number; recontactDays: number; generatedAt: string; items: TodayItem[] };

export const todayQuery = (size: number) =>
  queryOptions({ queryKey: ['outreach-today', size], queryFn: () => api<TodayList>('GET', `/api/outreach/today${query({ size })}`) });

/** Where a contact with this number starts (the contact page of the outreach contact module). */
export function newContactHref(clusterId: string, phoneToken: string): string {
  return `/outreach/contacts/new${query({ cluster: clusterId, target: phoneToken })}`;
}
