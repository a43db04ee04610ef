/**
 * A cluster's risk: logistic(bias + sum of weighted evidence), in 0..1, with every contribution listed as
 * a reason (code, weight actually applied, evidence). Structural evidence (several personas per phone,
 * template or photo; circuits; rotation) comes from the cluster's features; per-ad tested indicators
 * (obfuscated phone, youth language, nationality, reassurance; movement language negative) are averaged
 * over the cluster's ads. An agency (one booking line, several personas, one stable city) is not a
 * network: its shared phone/template weight is replaced by the lower agency-pattern weight. An
 * independent advertiser reposting (one persona, one phone, one city) collects no structural evidence.
 */
import type { ClusterReason, IndicatorDefinition } from '../types.ts';
import type { ClusterConfig, StructuralCode } from './config.ts';
import type { ClusterFeatures } from './features.ts';
import { type EvidenceGroups, KIND_EMAIL, KIND_HANDLE, KIND_IMAGE, KIND_NAMES, KIND_PHONE, KIND_TEXT } from './groups.ts';

export type ClusterScore = {
  logit: number;
  score: number;
  reasons: ClusterReason[];
  /** The shared phone/contact/template/photo behind each shared-* reason (for the ads' own lists). */
  shared: SharedReason[] | null;
  /** Mean per-ad indicator logit over the cluster's ads (for the ad-level score). */
  adIndicatorMean: number;
  agency: boolean;
};

export type SharedReason = { group: number; reason: ClusterReason };

const CODE_OF_KIND: Record<number, StructuralCode> = {
  [KIND_PHONE]: 'shared-phone-across-personas',
  [KIND_EMAIL]: 'shared-contact-across-personas',
  [KIND_HANDLE]: 'shared-contact-across-personas',
  [KIND_IMAGE]: 'shared-photo-across-personas',
  [KIND_TEXT]: 'shared-template-across-personas',
};

export type ScoreInputs = {
  groups: EvidenceGroups;
  cityNames: readonly string[];
  config: ClusterConfig;
};

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** 2 personas -> 0.5, 3 or more -> 1. */
function personaRamp(p: number): number {
  return Math.min(1, Math.max(0, (p - 1) / 2));
}

/**
 * One booking line, several personas, one stable city, and professional (agency-voice) text. "One
 * booking line": at most two numbers, or one number in nearly all ads (a second number may be an
 * extraction of a licence or office number).
 */
export function isAgencyPattern(f: ClusterFeatures, cfg: ClusterConfig): boolean {
  if (f.personas < 2 || f.phones < 1 || f.cities.length !== 1) return false;
  const oneLine = f.phones <= 2 || (f.phones <= 3 && f.bestAds[KIND_PHONE]! >= 0.8 * f.size);
  if (!oneLine) return false;
  let voiced = 0;
  for (const code of cfg.score.agencyCodes) voiced = Math.max(voiced, f.indicators.get(code)?.ads ?? 0);
  return voiced >= cfg.score.agencyVoiceShare * f.size;
}

export function genericEvidence(g: EvidenceGroups, group: number): string {
  const d = g.start[group + 1]! - g.start[group]!;
  const kind = g.kind[group]!;
  const label = kind === KIND_IMAGE ? `photo ${g.labelOf(group)}` : g.labelOf(group);
  return `${label} (${KIND_NAMES[kind]}) in ${d} ads with ${g.textGroups[group]} unrelated texts, ${g.cities[group]} cities: generic, not used to link`;
}

function addReason(reasons: ClusterReason[], def: IndicatorDefinition, strength: number, evidence: string): ClusterReason | null {
  if (strength <= 0) return null;
  const r = { code: def.code, weight: round(def.weight * strength), evidence };
  reasons.push(r);
  return r;
}

export function scoreCluster(f: ClusterFeatures, inp: ScoreInputs): ClusterScore {
  const { config, groups, cityNames } = inp;
  const defs = config.score.structural;
  const reasons: ClusterReason[] = [];
  let shared: SharedReason[] | null = null;
  const agency = isAgencyPattern(f, config);
  const bp = f.bestPersonas;
  const bg = f.bestGroup;
  const contactKind = bp[KIND_EMAIL]! >= bp[KIND_HANDLE]! ? KIND_EMAIL : KIND_HANDLE;

  if (agency) {
    const line = bg[KIND_PHONE]! >= 0 ? groups.labelOf(bg[KIND_PHONE]!) : `${f.phones} phone(s)`;
    addReason(reasons, defs['agency-pattern'], 1, `${line}: ${f.personas} personas, ${f.size} ads, one city (${cityNames[f.cities[0]!]}), agency voice`);
  } else if (f.phones >= 2 && f.personas >= 2) {
    addReason(reasons, defs['phone-rotation'], Math.min(1, (f.phones - 1) / 3), `${f.phones} phone numbers for ${f.personas} personas`);
  }
  // Shared phone/contact/template/photo: the cluster's reason is its most shared group per kind (one
  // contact reason for e-mail and handle); every shared group also becomes a hit on the ads carrying it.
  // In an agency the booking line and house text are the agency pattern, and its logo weighs half.
  for (const x of f.shared) {
    if (agency && x.kind !== KIND_IMAGE) continue;
    const def = defs[CODE_OF_KIND[x.kind]!];
    const strength = personaRamp(x.personas) * (agency ? 0.5 : 1);
    const what = x.kind === KIND_TEXT ? 'one template' : x.kind === KIND_IMAGE ? `photo ${groups.labelOf(x.group)}` : groups.labelOf(x.group);
    const cities = `${x.cities} ${x.cities === 1 ? 'city' : 'cities'}`;
    const hit = { code: def.code, weight: round(def.weight * strength), evidence: `${what} in ${x.ads} ads, ${x.personas} personas, ${cities}` };
    (shared ??= []).push({ group: x.group, reason: hit });
    const best = x.kind === KIND_EMAIL || x.kind === KIND_HANDLE ? (bg[contactKind] === x.group ? x.group : -1) : bg[x.kind];
    if (best === x.group) reasons.push(hit);
  }
  const minCities = config.features.circuitMinCities;
  if (f.maxCitiesInWindow >= minCities) {
    const path = f.circuitCities.map((c) => cityNames[c]).join(' -> ');
    addReason(reasons, defs['city-circuit'], Math.min(1, (f.maxCitiesInWindow - minCities + 2) / 3), `${path} within ${f.circuitDays} days`);
  }
  if (f.postsPerActiveDay >= config.features.highVolumePerDay) {
    addReason(reasons, defs['high-posting-volume'], 1, `${f.postsPerActiveDay.toFixed(1)} ads per active day over ${f.activeDays} days`);
  }
  let structural = 0;
  for (let i = 0; i < reasons.length; i++) structural += reasons[i]!.weight;

  let adMean = 0;
  const factor = config.score.adIndicatorFactor;
  for (const [code, { ads, weight }] of f.indicators) {
    const w = (weight * factor * ads) / f.size;
    adMean += w;
    if (w !== 0) reasons.push({ code, weight: round(w), evidence: `in ${ads} of ${f.size} ads` });
  }
  for (let i = 0; i < f.generic.length && i < 3; i++) {
    reasons.push({ code: 'generic-identifier', weight: 0, evidence: genericEvidence(groups, f.generic[i]!) });
  }
  if (reasons.length > 1) reasons.sort(byWeight);
  const logit = config.score.bias + structural + adMean;
  return { logit, score: round(logistic(logit)), reasons, shared, adIndicatorMean: adMean, agency };
}

function byWeight(a: ClusterReason, b: ClusterReason): number {
  return Math.abs(b.weight) - Math.abs(a.weight) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
