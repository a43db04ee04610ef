/**
 * Evidence groups: the ads that share one identifier (phone, e-mail, handle), one photo (a set of
 * near-identical perceptual hashes) or one near-duplicate template, as compressed sparse rows in both
 * directions (group -> ads, ad -> groups), plus per-group statistics and the decision whether the group
 * may link its ads.
 */
import { type Arena, noArena } from './arena.ts';

export const KIND_PHONE = 0;
export const KIND_EMAIL = 1;
export const KIND_HANDLE = 2;
export const KIND_IMAGE = 3;
export const KIND_TEXT = 4;
export const KIND_NAMES = ['phone', 'e-mail', 'handle', 'photo', 'template'] as const;

/** Shared by one ad only: nothing to link. */
export const DECISION_SINGLE = 0;
/** Shared by many unrelated ads (many texts, cities and personas): generic, never links. */
export const DECISION_GENERIC = 1;
/** Coherent but frequent: links under the merge guard. */
export const DECISION_WEAK = 2;
/** Coherent and rare: links unconditionally. */
export const DECISION_STRONG = 3;

export type EvidenceGroups = {
  count: number;
  kind: Uint8Array;
  /** Identifier text, or for photos the hash as hex (computed on demand: most photos never need one). */
  labelOf: (group: number) => string;
  /** Group -> ads (canonical ad order). */
  start: Int32Array;
  ads: Int32Array;
  /** Ad -> groups. */
  adStart: Int32Array;
  adGroups: Int32Array;
  /** Filled by evaluateGroups. */
  textGroups: Int32Array;
  cities: Int32Array;
  personas: Int32Array;
  decision: Uint8Array;
  /** Per group: 1 for a name-derived e-mail or handle (name-derived.ts). */
  nameDerived: Uint8Array;
  /** Filled by evaluateGroups: distinct phone numbers among the group's ads. */
  phones: Int32Array;
};

/** Groups of one kind of evidence, numbered locally, with (group, ad) pairs in any order. */
export type GroupSource = {
  count: number;
  /** Kind of each local group, or one kind for all. */
  kind: Int32Array | number;
  labelOf: (group: number) => string;
  pairGroup: Int32Array;
  pairAd: Int32Array;
  /** Per local group: 1 when name-derived (absent: none is). */
  nameDerived?: Int32Array;
};

/**
 * Merges group sources into one numbering: groups are numbered in canonical order of their first ad
 * (then in the order the ad lists them), each group lists its ads in canonical order, and each ad its
 * groups once. The result does not depend on the order ads were added in.
 */
export function assembleGroups(numAds: number, order: Int32Array, sources: readonly GroupSource[], arena: Arena = noArena): EvidenceGroups {
  let total = 0;
  let pairs = 0;
  const offsets: number[] = [];
  for (const src of sources) {
    offsets.push(total);
    total += src.count;
    pairs += src.pairAd.length;
  }
  const rawOf = new Int32Array(total); // kept for labels
  const mark = arena.mark();
  // Ad -> raw groups (offset by source), in source order then pair order.
  const a2gStart = arena.i32(numAds + 1);
  for (const src of sources) for (let i = 0; i < src.pairAd.length; i++) a2gStart[src.pairAd[i]! + 1]!++;
  for (let ad = 0; ad < numAds; ad++) a2gStart[ad + 1]! += a2gStart[ad]!;
  const fillA = arena.i32(numAds);
  fillA.set(a2gStart.subarray(0, numAds));
  const a2g = arena.i32(pairs);
  const rawKind = arena.u8(total);
  const rawNameDerived = arena.u8(total).fill(0);
  sources.forEach((src, si) => {
    const off = offsets[si]!;
    for (let i = 0; i < src.pairAd.length; i++) a2g[fillA[src.pairAd[i]!]!++] = src.pairGroup[i]! + off;
    for (let g = 0; g < src.count; g++) rawKind[off + g] = typeof src.kind === 'number' ? src.kind : src.kind[g]!;
    if (src.nameDerived) for (let g = 0; g < src.count; g++) rawNameDerived[off + g] = src.nameDerived[g]!;
  });

  // Number groups in canonical order of first use; count each ad once per group.
  const newId = arena.i32(total);
  newId.fill(-1);
  const last = arena.i32(total);
  last.fill(-1);
  const sizes = arena.i32(total + 1);
  let next = 0;
  for (let i = 0; i < numAds; i++) {
    const ad = order[i]!;
    for (let j = a2gStart[ad]!; j < a2gStart[ad + 1]!; j++) {
      const g = a2g[j]!;
      let ng = newId[g]!;
      if (ng < 0) {
        ng = next++;
        newId[g] = ng;
        rawOf[ng] = g;
      }
      if (last[ng] === ad) continue;
      last[ng] = ad;
      sizes[ng + 1]!++;
    }
  }
  // Groups that no ad uses (e.g. non-root photo hashes) get no number.
  const count = next;
  const start = new Int32Array(count + 1);
  for (let g = 0; g < count; g++) start[g + 1] = start[g]! + sizes[g + 1]!;
  const fill = sizes; // reused as fill pointers
  fill.set(start.subarray(0, count));
  const ads = new Int32Array(start[count]!);
  last.fill(-1);
  for (let i = 0; i < numAds; i++) {
    const ad = order[i]!;
    for (let j = a2gStart[ad]!; j < a2gStart[ad + 1]!; j++) {
      const ng = newId[a2g[j]!]!;
      if (last[ng] === ad) continue;
      last[ng] = ad;
      ads[fill[ng]!++] = ad;
    }
  }
  // Ad -> groups (new numbers, each once).
  const adStart = new Int32Array(numAds + 1);
  let q = 0;
  const adGroupsAll = arena.i32(pairs);
  for (let ad = 0; ad < numAds; ad++) {
    adStart[ad] = q;
    for (let j = a2gStart[ad]!; j < a2gStart[ad + 1]!; j++) {
      const ng = newId[a2g[j]!]!;
      let dup = false;
      for (let x = adStart[ad]!; x < q; x++) if (adGroupsAll[x] === ng) dup = true;
      if (!dup) adGroupsAll[q++] = ng;
    }
  }
  adStart[numAds] = q;
  const adGroups = adGroupsAll.slice(0, q);
  const kind = new Uint8Array(count);
  const nameDerived = new Uint8Array(count);
  for (let g = 0; g < count; g++) {
    kind[g] = rawKind[rawOf[g]!]!;
    nameDerived[g] = rawNameDerived[rawOf[g]!]!;
  }
  arena.reset(mark);
  const labelOf = (g: number): string => {
    const raw = rawOf[g]!;
    let si = sources.length - 1;
    while (offsets[si]! > raw) si--;
    return sources[si]!.labelOf(raw - offsets[si]!);
  };
  return {
    count,
    kind,
    labelOf,
    start,
    ads,
    adStart,
    adGroups,
    textGroups: new Int32Array(count),
    cities: new Int32Array(count),
    personas: new Int32Array(count),
    decision: new Uint8Array(count),
    nameDerived,
    phones: new Int32Array(count),
  };
}

export type GroupRules = {
  alwaysLinkMaxDegree: number;
  strongMaxDegree: number;
  maxTextGroups: number;
  maxPersonas: number;
  maxCities: number;
  maxTextGroupsFewCities: number;
  personaKnownShare: number;
  /** A phone in at least this share of an e-mail's or handle's ads is a contact line of its own. */
  contactLineShare: number;
};

function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export type AdAttributes = {
  textGroupOf: Int32Array;
  numTextGroups: number;
  cityOf: Int32Array; // -1 unknown
  numCities: number;
  personaOf: Int32Array; // -1 unknown
  numPersonas: number;
};

/**
 * Counts, per group, the distinct text groups, cities and personas of its ads, and decides:
 * an identifier or photo is coherent (the same operator) when its ads share a few texts, or stay in
 * one or two cities (an agency's booking line), or all show one persona (a touring advertiser);
 * otherwise it is generic: a help line, a booking site's number, a placeholder, a stock photo. This is
 * the guard against the giant component: generic groups never link.
 */
export function evaluateGroups(g: EvidenceGroups, at: AdAttributes, rules: GroupRules, arena: Arena = noArena): void {
  const mark = arena.mark();
  const textStamp = arena.i32(at.numTextGroups).fill(-1);
  const cityStamp = arena.i32(Math.max(at.numCities, 1)).fill(-1);
  const personaStamp = arena.i32(Math.max(at.numPersonas, 1)).fill(-1);
  const phoneStamp = arena.i32(Math.max(g.count, 1)).fill(-1);
  const phoneCount = arena.i32(Math.max(g.count, 1));
  let phoneList: Int32Array = new Int32Array(1024);
  let np = 0;
  for (let grp = 0; grp < g.count; grp++) {
    const s = g.start[grp]!;
    const e = g.start[grp + 1]!;
    const d = e - s;
    if (d < 2) {
      g.decision[grp] = DECISION_SINGLE;
      g.textGroups[grp] = d;
      g.personas[grp] = d > 0 && at.personaOf[g.ads[s]!]! >= 0 ? 1 : 0;
      g.cities[grp] = d > 0 && at.cityOf[g.ads[s]!]! >= 0 ? 1 : 0;
      continue;
    }
    let c = 0;
    let m = 0;
    let p = 0;
    let known = 0;
    for (let i = s; i < e; i++) {
      const ad = g.ads[i]!;
      const tg = at.textGroupOf[ad]!;
      if (textStamp[tg] !== grp) {
        textStamp[tg] = grp;
        c++;
      }
      const city = at.cityOf[ad]!;
      if (city >= 0 && cityStamp[city] !== grp) {
        cityStamp[city] = grp;
        m++;
      }
      const persona = at.personaOf[ad]!;
      if (persona >= 0) {
        known++;
        if (personaStamp[persona] !== grp) {
          personaStamp[persona] = grp;
          p++;
        }
      }
    }
    g.textGroups[grp] = c;
    g.cities[grp] = m;
    g.personas[grp] = p;
    // A name-derived handle or e-mail ("jessicax") tells no more than the name: one persona across its
    // ads is no sign of one operator, and ads that give different phone numbers are different
    // advertisers of the same name, not one operator.
    const named = g.nameDerived[grp] === 1;
    // E-mails and handles: the phone numbers their ads give, and how many of those are contact lines
    // of their own (each in a good share of the group's ads, e.g. two agencies' booking lines).
    let phones = 0;
    let lines = 0;
    const kind = g.kind[grp]!;
    if (kind === KIND_EMAIL || kind === KIND_HANDLE) {
      np = 0;
      for (let i = s; i < e; i++) {
        const ad = g.ads[i]!;
        for (let j = g.adStart[ad]!; j < g.adStart[ad + 1]!; j++) {
          const other = g.adGroups[j]!;
          if (g.kind[other] !== KIND_PHONE) continue;
          if (phoneStamp[other] !== grp) {
            phoneStamp[other] = grp;
            phoneCount[other] = 0;
            phoneList[np++] = other;
          }
          phoneCount[other]!++;
        }
        if (np > phoneList.length - 64) phoneList = growI32(phoneList);
      }
      phones = np;
      const lineMin = Math.max(rules.alwaysLinkMaxDegree + 1, Math.ceil(rules.contactLineShare * d));
      for (let x = 0; x < np; x++) if (phoneCount[phoneList[x]!]! >= lineMin) lines++;
      g.phones[grp] = phones;
    }
    const coherent =
      d <= rules.alwaysLinkMaxDegree ||
      (c <= rules.maxTextGroups && p <= rules.maxPersonas) ||
      (m <= rules.maxCities && c <= rules.maxTextGroupsFewCities) ||
      (!named && p <= 1 && known >= rules.personaKnownShare * d);
    // Conflicting evidence: a name-derived identifier whose ads give different numbers is several
    // advertisers of one name; an e-mail or handle over several contact lines of their own joins
    // operators that the lines tell apart (it adds nothing where the lines agree).
    const conflicting = (named && phones >= 2) || lines >= 2;
    // Templates have their own guard (link-ads.ts: identities per cluster); only stats are needed here.
    if (kind === KIND_TEXT) g.decision[grp] = DECISION_STRONG;
    else if (!coherent || conflicting) g.decision[grp] = DECISION_GENERIC;
    else g.decision[grp] = d <= rules.strongMaxDegree ? DECISION_STRONG : DECISION_WEAK;
  }
  arena.reset(mark);
}
