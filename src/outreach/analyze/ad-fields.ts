import type { AdFeatures, AdRecord } from '../types.ts';
import { parseImageHashes } from './image-hash.ts';
import { parsePostedAt } from './posted-at.ts';

/** The features an ad takes from its own record as they are, whatever its text (analyzeAd, repost-memo.ts). */
export function adFieldsOf(record: AdRecord): Pick<AdFeatures, 'id' | 'source' | 'postedAt' | 'imageHashes'> {
  return { id: str(record.id), source: str(record.source), postedAt: parsePostedAt(record.postedAt), imageHashes: parseImageHashes(record.imageHashes) };
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
