/**
 * What a cluster looks like: personas, cities and moves over time (circuits), posting volume, the
 * most-shared phone/contact/template/photo (by number of personas), distinct phones (rotation),
 * generic identifiers met, and the per-ad indicators aggregated.
 */
import type { RetainedAd } from '../types.ts';
import type { FeatureConfig } from './config.ts';
import { busiestWindow, countMoves } from './circuits.ts';
import { DECISION_GENERIC, type EvidenceGroups, KIND_PHONE } from './groups.ts';
import { sharedAcrossPersonas } from './shared-groups.ts';

const DAY = 86_400_000;
const KINDS = 5;

/**
 * Features of one cluster. The object and its arrays belong to the FeatureScratch and are overwritten
 * by the next cluster: read them before computing another.
 */
export type ClusterFeatures = {
  size: number;
  personas: number;
  knownPersonaAds: number;
  /** City numbers, most frequent first (ties by name). */
  cities: number[];
  moves: number;
  maxCitiesInWindow: number;
  /** The cities of the busiest window in order of arrival, and its length in days. */
  circuitCities: number[];
  circuitDays: number;
  firstPostedAt: number | null;
  lastPostedAt: number | null;
  activeDays: number;
  postsPerActiveDay: number;
  phones: number;
  /**
   * Per kind (phone, e-mail, handle, photo, template): the group shared by most personas within this
   * cluster (-1 when none is shared by two), with its personas, ads and cities within the cluster.
   */
  bestGroup: Int32Array;
  bestPersonas: Int32Array;
  bestAds: Int32Array;
  bestCities: Int32Array;
  /** Every linked group shared by two or more personas within the cluster (best ones included). */
  shared: SharedGroup[];
  generic: number[];
  /** Per-ad indicator code -> ads carrying it and its weight. */
  indicators: Map<string, { ads: number; weight: number }>;
};

export type SharedGroup = { group: number; kind: number; personas: number; ads: number; cities: number };

export type FeatureInputs = {
  ads: readonly RetainedAd[];
  groups: EvidenceGroups;
  cityOf: Int32Array;
  numCities: number;
  cityNames: readonly string[];
  personaOf: Int32Array;
  numPersonas: number;
  postedAt: Float64Array;
};

/** Reusable scratch space, so features of a million clusters allocate almost nothing per cluster. */
export class FeatureScratch {
  readonly groupStamp: Int32Array;
  readonly personaStamp: Int32Array;
  readonly cityCount: Int32Array;
  readonly windowCount: Int32Array;
  times = new Float64Array(256);
  cities = new Int32Array(256);
  pairs = new Float64Array(256);
  readonly personaBase: number;
  readonly f: ClusterFeatures;

  constructor(inp: FeatureInputs) {
    this.groupStamp = new Int32Array(Math.max(inp.groups.count, 1)).fill(-1);
    this.personaStamp = new Int32Array(Math.max(inp.numPersonas, 1)).fill(-1);
    this.cityCount = new Int32Array(Math.max(inp.numCities, 1));
    this.windowCount = new Int32Array(Math.max(inp.numCities, 1));
    this.personaBase = inp.numPersonas + 1;
    this.f = {
      size: 0, personas: 0, knownPersonaAds: 0, cities: [], moves: 0, maxCitiesInWindow: 0, circuitCities: [], circuitDays: 0,
      firstPostedAt: null, lastPostedAt: null, activeDays: 0, postsPerActiveDay: 0, phones: 0,
      bestGroup: new Int32Array(KINDS), bestPersonas: new Int32Array(KINDS), bestAds: new Int32Array(KINDS), bestCities: new Int32Array(KINDS),
      generic: [], indicators: new Map(), shared: [],
    };
  }

  ensure(n: number): void {
    if (this.times.length < n) {
      this.times = new Float64Array(n * 2);
      this.cities = new Int32Array(n * 2);
    }
  }
}

/** `members` are the cluster's ad indices in time order (undated first). */
export function clusterFeatures(stamp: number, members: Int32Array, inp: FeatureInputs, cfg: FeatureConfig, sc: FeatureScratch): ClusterFeatures {
  const { ads, groups, cityOf, personaOf, postedAt } = inp;
  const f = sc.f;
  const size = members.length;
  sc.ensure(size);
  let personas = 0;
  let known = 0;
  let phones = 0;
  const cityList = f.cities;
  cityList.length = 0;
  f.bestGroup.fill(-1);
  f.bestPersonas.fill(0);
  f.bestAds.fill(0);
  f.bestCities.fill(0);
  f.shared = [];
  f.generic.length = 0;
  const indicators = f.indicators;
  indicators.clear();
  let dated = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  let activeDays = 0;
  let lastDay = Number.NaN;

  for (let i = 0; i < size; i++) {
    const ad = members[i]!;
    const persona = personaOf[ad]!;
    if (persona >= 0) {
      known++;
      if (sc.personaStamp[persona] !== stamp) {
        sc.personaStamp[persona] = stamp;
        personas++;
      }
    }
    const city = cityOf[ad]!;
    if (city >= 0 && sc.cityCount[city]!++ === 0) cityList.push(city);
    const t = postedAt[ad]!;
    if (t === t) {
      if (first !== first) first = t;
      last = t;
      const day = Math.floor(t / DAY);
      if (day !== lastDay) {
        activeDays++;
        lastDay = day;
      }
      if (city >= 0) {
        sc.times[dated] = t;
        sc.cities[dated] = city;
        dated++;
      }
    }
    for (let j = groups.adStart[ad]!; j < groups.adStart[ad + 1]!; j++) {
      const g = groups.adGroups[j]!;
      if (sc.groupStamp[g] === stamp) continue;
      sc.groupStamp[g] = stamp;
      const kind = groups.kind[g]!;
      const decision = groups.decision[g]!;
      if (decision === DECISION_GENERIC) {
        f.generic.push(g);
        continue;
      }
      if (kind === KIND_PHONE) phones++;
    }
    const hits = ads[ad]!.indicators;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      let repeat = false;
      for (let x = 0; x < h; x++) if (hits[x]!.code === hit.code) repeat = true;
      if (repeat) continue; // count an ad once per code
      const entry = indicators.get(hit.code);
      if (entry) entry.ads++;
      else indicators.set(hit.code, { ads: 1, weight: hit.weight });
    }
  }

  const names = inp.cityNames;
  if (cityList.length > 1) {
    cityList.sort((x, y) => sc.cityCount[y]! - sc.cityCount[x]! || (names[x]! < names[y]! ? -1 : names[x]! > names[y]! ? 1 : 0));
  }
  for (let i = 0; i < cityList.length; i++) sc.cityCount[cityList[i]!] = 0;
  f.size = size;
  f.personas = personas;
  f.knownPersonaAds = known;
  f.moves = countMoves(sc.cities, dated);
  busiestWindow(sc, dated, cfg.circuitWindowDays * DAY);
  f.maxCitiesInWindow = f.circuitCities.length;
  f.firstPostedAt = first === first ? first : null;
  f.lastPostedAt = last === last ? last : null;
  f.activeDays = activeDays;
  f.postsPerActiveDay = activeDays > 0 ? dated / activeDays : 0;
  f.phones = phones;
  if (personas >= 2) sharedAcrossPersonas(members, inp, sc);
  return f;
}
