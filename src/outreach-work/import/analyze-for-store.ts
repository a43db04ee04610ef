/**
 * One ad record -> what the database keeps of it: the engine's features (encrypted later), a content
 * hash (idempotency: the same record again is "unchanged"), the clustering keys, and the few coarse
 * attributes kept in clear for lists and filters.
 */
import crypto from 'node:crypto';
import { analyzeAd } from '../../outreach/analyze/analyze-ad.ts';
import { adToJson } from '../../outreach/io/parse-ad-line.ts';
import type { AdFeatures, AdRecord } from '../../outreach/types.ts';
import { clusterKeysOf } from './cluster-keys.ts';

export type AnalysedAd = {
  record: AdRecord;
  features: AdFeatures;
  contentHash: string;
  /** Clustering keys in clear ("phone:+31...", "img:2:ab12", "txt:7:..."): hashed before storing. */
  keys: string[];
  language: string;
  city: string | null;
  country: string | null;
  postedAt: Date | null;
  statedAge: number | null;
  indicatorCodes: string[];
};

/** Canonical JSON (keys sorted at every level), so that field order does not make a record "changed". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHashOf(record: AdRecord): string {
  return crypto.createHash('sha256').update(canonical(adToJson(record))).digest('hex');
}

export function analyseForStore(record: AdRecord, index: number): AnalysedAd {
  const features = analyzeAd(record, index);
  const posted = features.postedAt;
  return {
    record,
    features,
    contentHash: contentHashOf(record),
    keys: clusterKeysOf(features),
    language: features.language,
    city: features.city,
    country: features.country,
    postedAt: posted === null ? null : new Date(posted),
    statedAge: features.age,
    indicatorCodes: [...new Set(features.indicators.map((i) => i.code))].sort(),
  };
}
