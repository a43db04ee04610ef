// Online outreach: the funnel from ads seen to registered presumed victims (counts only).
import { queryOptions } from '@tanstack/react-query';
import { api, query } from './client.ts';

export const FUNNEL_STAGES = ['adsSeen', 'clusters', 'contacted', 'replied', 'conversation', 'handedOver', 'registered'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** A count, or "<5" for 1-4 when the viewer sees small numbers masked (statistics analysts). */
export type FunnelCell = number | '<5';
export type FunnelCells = Record<FunnelStage, FunnelCell>;

export type Funnel = {
  weeks: number;
  from: string;
  to: string;
  language: string | null;
  masked: boolean;
  stages: FunnelStage[];
  languages: string[];
  weekly: { week: string; counts: FunnelCells }[];
  byLanguage: { week: string; language: string; counts: FunnelCells }[];
  totals: FunnelCells;
  conversions: { from: FunnelStage; to: FunnelStage; ratio: number | null }[];
};

export type FunnelFilter = { weeks: number; language: string };

export const funnelQuery = (filter: FunnelFilter) =>
  queryOptions({
    queryKey: ['outreach', 'funnel', filter],
    queryFn: () => api<Funnel>('GET', `/api/outreach/funnel${query({ weeks: filter.weeks, language: filter.language })}`),
  });
