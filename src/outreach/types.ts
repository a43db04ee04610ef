/**
 * The outreach analysis engine's data contract (issue: outreach part 1). A library with no database:
 * used by the CLI (`baken outreach analyze|generate`), the importer (part 2) and the benchmarks.
 * See docs/ad-format.md for the input format.
 */
import type { TemplateSketch } from './cluster/text-sketch.ts';

/** One input ad as read from JSON Lines. Unknown fields are kept in `extra`. */
export type AdRecord = {
  id: string;
  source: string;
  url?: string;
  postedAt?: string; // ISO 8601
  title?: string;
  body?: string;
  phones?: string[]; // as written in the ad; when absent, phones are found in the text
  emails?: string[];
  handles?: string[];
  city?: string;
  country?: string; // ISO 3166-1 alpha-2
  age?: number;
  imageHashes?: string[]; // 64-bit perceptual hashes, 16 hex digits
  images?: string[]; // local file paths, hashed on import
  extra?: Record<string, unknown>;
};

/** How an indicator bears on risk: tested predictors weigh most; tested non-predictors zero or less. */
export type EvidenceDirection = '+' | '-' | '?';

export type IndicatorDefinition = {
  code: string; // e.g. "obfuscated-phone", "youth-language"
  weight: number;
  direction: EvidenceDirection;
  /** Where the weight comes from (study, case evidence, practitioner rule). */
  source: string;
  description: string;
};

/** One indicator found in one ad, with the text that triggered it. */
export type IndicatorHit = {
  code: string;
  weight: number;
  evidence: string; // the triggering text span (or a short description for structural indicators)
  span?: [number, number]; // offsets in the normalised text, when textual
};

/** Everything the clustering and scoring need from one ad (the output of per-ad analysis). */
export type AdFeatures = {
  index: number; // position in the input (0-based), stable id within a run
  id: string;
  source: string;
  postedAt: number | null; // epoch ms
  city: string | null; // normalised lower-case
  country: string | null;
  language: string; // ISO 639-1 or "und"
  phones: string[]; // E.164, de-duplicated
  obfuscatedPhones: string[]; // the subset of phones that were written obfuscated
  emails: string[]; // lower-case
  handles: string[]; // lower-case, with platform prefix when known ("telegram:anna_x")
  age: number | null;
  price: number | null; // per hour where stated, in the ad's currency units
  names: string[]; // persona names stated in the ad ("I am Anna"), lower-case
  nationalities: string[]; // stated nationalities/ethnicities, normalised codes or lower-case words
  indicators: IndicatorHit[]; // per-ad (textual) indicators
  /** Normalised text for near-duplicate detection: identifiers, numbers and names masked. */
  templateText: string;
  /**
   * The template text already reduced to its key and MinHash sketch (by an analysis worker, for the
   * pipeline's clusterer; `templateText` is then empty). Absent from analyzeAd's own output.
   */
  templateSketch?: TemplateSketch;
  imageHashes: bigint[]; // 64-bit
};

/**
 * What clustering's last step, scoring and writing need of an ad once the clusterer has indexed it
 * (Clusterer.add): the pipeline keeps only this per ad, not its whole features.
 */
export type RetainedAd = Pick<AdFeatures, 'id' | 'source' | 'indicators' | 'phones' | 'language'>;

/** One output line of `baken outreach analyze`. */
export type AdResult = {
  id: string;
  source: string;
  clusterId: string;
  adScore: number;
  clusterScore: number;
  indicators: { code: string; weight: number; evidence: string }[];
  phones: string[];
  language: string;
};

export type ClusterReason = { code: string; weight: number; evidence: string };

export type ClusterSummary = {
  clusterId: string;
  size: number;
  score: number;
  reasons: ClusterReason[];
  personas: number;
  cities: string[];
  moves: number; // city changes over time
  phones: number;
  firstPostedAt: number | null;
  lastPostedAt: number | null;
};

/** One line of the generator's truth file. */
export type TruthRecord = {
  id: string;
  source: string;
  operatorId: string; // the true "same operator" group
  kind: 'independent' | 'agency' | 'network';
  exploited: boolean;
  obfuscatedPhones: string[]; // E.164 of numbers written obfuscated in this ad
};
