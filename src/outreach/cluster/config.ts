/**
 * Every threshold and weight of clustering and cluster scoring, with where it comes from. Weights are
 * configuration (re-estimated from logged outreach outcomes), never constants in the algorithm.
 */
import type { IndicatorDefinition } from '../types.ts';

export type TextConfig = {
  /** MinHash bins (power of two). */
  k: number;
  /** Character n-gram length (UTF-16 code units) in scripts written without spaces (Thai, Chinese). */
  charN: number;
  /** Keep 1 in 2^charSampleBits of those n-grams (consistent sampling by hash). */
  charSampleBits: number;
  bands: number;
  rows: number;
  /** LSH buckets with more distinct texts than this are stock phrases and give no candidates. */
  maxBucket: number;
  /** Estimated Jaccard needed to link two distinct informative texts. */
  linkJaccard: number;
  /**
   * Estimated Jaccard needed to link, by text alone, two clusters that each have contacts (phones,
   * e-mails, handles, photos) of their own and share no city: the trade's stock phrasing makes
   * independently written ads about as similar as linkJaccard; a template with slots is more so.
   */
  crossCityJaccard: number;
  /** Texts with fewer shingles (before sampling) never link by text alone. */
  minShingles: number;
  /** Texts with fewer shingles (or mostly stock) link only to identical text of the same persona and city. */
  shortShingles: number;
  /** A shingle is stock when it occurs in at least max(commonDfMin, commonDfFraction x distinct texts). */
  commonDfMin: number;
  commonDfFraction: number;
  /** Share of stock shingles from which a text never links by text alone / only with an extra signal. */
  stockShareNone: number;
  stockShareStrict: number;
  /**
   * A near-duplicate template that spans more than this many otherwise unconnected advertisers (each with
   * their own phones/photos) is a copied or stock text, not one operator's template, and does not link.
   */
  maxTextIdentities: number;
};

export type IdentifierConfig = {
  /** An identifier or photo in at most this many ads is rare enough to link whatever the ads say. */
  alwaysLinkMaxDegree: number;
  /** Coherent groups up to this many ads link as strong evidence; larger ones as weak evidence. */
  strongMaxDegree: number;
  /** A shared phone/photo is coherent when its ads use at most this many unrelated texts ... */
  maxTextGroups: number;
  /** ... and show at most this many personas (a template glued by chance similarities has hundreds) ... */
  maxPersonas: number;
  /** ... or stay in at most this many cities (an agency's booking line) ... */
  maxCities: number;
  /** ... (but even in one city, not across more unrelated texts than this) ... */
  maxTextGroupsFewCities: number;
  /** ... or all show one persona (at least this share of its ads state one). */
  personaKnownShare: number;
  /**
   * An e-mail or handle whose ads give two or more phones that each appear in at least this share of
   * them (and in more than alwaysLinkMaxDegree ads) spans contact lines of their own, e.g. two
   * agencies of the same name: it does not link (the lines do, each on its own).
   */
  contactLineShare: number;
};

export type ImageConfig = {
  /** Hashes within this Hamming distance are the same photo (pHash/dHash: below about 10 bits). */
  maxDistance: number;
  /** Extra LSH tables on random 16-bit subsets, on top of 4 exact 16-bit bands (which catch <= 3 bits). */
  randomTables: number;
};

export type MergeConfig = {
  /** Weak evidence never merges two clusters that are both larger than this. */
  weakMaxSide: number;
  /** Weak evidence never makes a cluster larger than this. */
  weakMaxMerged: number;
};

export type FeatureConfig = {
  /** A circuit: at least circuitMinCities cities within circuitWindowDays. */
  circuitWindowDays: number;
  circuitMinCities: number;
  /** Posts per active day from which posting volume counts as high. */
  highVolumePerDay: number;
};

export type ScoreConfig = {
  /** Logit of a cluster with no evidence at all (logistic(-2.5) = 0.08). */
  bias: number;
  /** Multiplier on the per-ad indicator weights (from the per-ad analysis) when aggregated per cluster. */
  adIndicatorFactor: number;
  /** How much an ad's own indicators move its score away from its cluster's (in logit units per weight). */
  adOwnWeight: number;
  /** Per-ad indicator codes that mean an agency voice ("our ladies", licence numbers). */
  agencyCodes: string[];
  /** Share of a cluster's ads with an agency code needed for the agency pattern ("professional text"). */
  agencyVoiceShare: number;
  structural: Record<StructuralCode, IndicatorDefinition>;
};

export type StructuralCode =
  | 'shared-phone-across-personas'
  | 'shared-contact-across-personas'
  | 'shared-template-across-personas'
  | 'shared-photo-across-personas'
  | 'city-circuit'
  | 'phone-rotation'
  | 'high-posting-volume'
  | 'agency-pattern'
  | 'generic-identifier';

export type ClusterConfig = {
  text: TextConfig;
  identifiers: IdentifierConfig;
  images: ImageConfig;
  merge: MergeConfig;
  features: FeatureConfig;
  score: ScoreConfig;
};

export type ClusterConfigInput = { [S in keyof ClusterConfig]?: Partial<ClusterConfig[S]> };

const BRIEF = 'docs: shared/domain/outreach.md';

function def(code: StructuralCode, weight: number, direction: '+' | '-' | '?', source: string, description: string): IndicatorDefinition {
  return { code, weight, direction, source, description };
}

export const defaultClusterConfig: ClusterConfig = {
  text: {
    k: 64,
    charN: 5,
    charSampleBits: 1,
    bands: 16,
    rows: 4,
    maxBucket: 5000,
    linkJaccard: 0.6,
    crossCityJaccard: 0.75,
    minShingles: 6,
    shortShingles: 16,
    commonDfMin: 100,
    commonDfFraction: 0.05,
    stockShareNone: 0.98,
    stockShareStrict: 0.8,
    maxTextIdentities: 8,
  },
  identifiers: {
    alwaysLinkMaxDegree: 3,
    strongMaxDegree: 50,
    maxTextGroups: 2,
    maxPersonas: 30,
    maxCities: 2,
    maxTextGroupsFewCities: 100,
    personaKnownShare: 0.5,
    contactLineShare: 0.2,
  },
  images: { maxDistance: 8, randomTables: 8 },
  merge: { weakMaxSide: 100, weakMaxMerged: 5000 },
  features: { circuitWindowDays: 14, circuitMinCities: 3, highVolumePerDay: 10 },
  score: {
    bias: -2.5,
    adIndicatorFactor: 1,
    adOwnWeight: 0.5,
    agencyCodes: ['agency-voice', 'agency', 'licence', 'licensed-agency'],
    agencyVoiceShare: 0.3,
    structural: {
      'shared-phone-across-personas': def('shared-phone-across-personas', 1.2, '+',
        `${BRIEF} indicator 6 (structural); rarity-weighted so generic numbers do not count`,
        'One phone number used by several personas'),
      'shared-contact-across-personas': def('shared-contact-across-personas', 1.0, '+',
        `${BRIEF} indicator 6 (structural)`, 'One e-mail address or messenger handle used by several personas'),
      'shared-template-across-personas': def('shared-template-across-personas', 1.2, '+',
        `${BRIEF} indicator 5; InfoShield (ICDE 2021): 84% precision on expert labels`,
        'Near-duplicate ad text (a template with slots) used by several personas'),
      'shared-photo-across-personas': def('shared-photo-across-personas', 1.0, '+',
        `${BRIEF} indicator 7 (case evidence)`, 'The same photo (perceptual hash) in ads of several personas'),
      'city-circuit': def('city-circuit', 0.8, '+', `${BRIEF} indicator 8 (behavioural)`,
        'The same operator posting in several cities within a short time'),
      'phone-rotation': def('phone-rotation', 0.3, '?', `${BRIEF} indicator 11 (untested, low weight)`,
        'Several phone numbers used by one group of personas'),
      'high-posting-volume': def('high-posting-volume', 0.2, '?', `${BRIEF} indicator 11 (untested, low weight)`,
        'High posting volume per identifier'),
      'agency-pattern': def('agency-pattern', 0.6, '?',
        `${BRIEF} indicator 11 (agency voice, several workers per phone: untested); practitioners: licensed agencies are not networks`,
        'One booking line, several personas, one city: an agency; replaces the shared-phone and shared-template weights'),
      'generic-identifier': def('generic-identifier', 0, '?', `${BRIEF} (giant-component warning)`,
        'An identifier shared by many unrelated ads (help line, booking site, placeholder): not used to link'),
    },
  },
};

/** Defaults overridden section by section. */
export function resolveClusterConfig(input?: ClusterConfigInput): ClusterConfig {
  const d = defaultClusterConfig;
  if (!input) return d;
  return {
    text: { ...d.text, ...input.text },
    identifiers: { ...d.identifiers, ...input.identifiers },
    images: { ...d.images, ...input.images },
    merge: { ...d.merge, ...input.merge },
    features: { ...d.features, ...input.features },
    score: { ...d.score, ...input.score },
  };
}
