/**
 * Which phones, contacts, photos and templates of a cluster are shared by several of its personas,
 * counted within the cluster (a template or a frequent number may reach beyond it), with their ads and
 * cities: the structural evidence "several personas per phone/template/photo".
 */
import { DECISION_GENERIC, DECISION_WEAK, KIND_TEXT } from './groups.ts';
import type { FeatureInputs, FeatureScratch, SharedGroup } from './features.ts';

export function sharedAcrossPersonas(members: Int32Array, inp: FeatureInputs, sc: FeatureScratch): void {
  const { groups, personaOf, cityOf } = inp;
  const f = sc.f;
  const base = sc.personaBase;
  let np = 0;
  for (let i = 0; i < members.length; i++) {
    const ad = members[i]!;
    const persona = personaOf[ad]!;
    if (persona < 0) continue;
    for (let j = groups.adStart[ad]!; j < groups.adStart[ad + 1]!; j++) {
      const g = groups.adGroups[j]!;
      const decision = groups.decision[g]!;
      if (decision === DECISION_GENERIC || (decision < DECISION_WEAK && groups.kind[g] !== KIND_TEXT)) continue;
      if (np === sc.pairs.length) {
        const next = new Float64Array(np * 2);
        next.set(sc.pairs);
        sc.pairs = next;
      }
      sc.pairs[np++] = g * base + persona;
    }
  }
  if (np < 2) return;
  const keys = sc.pairs.subarray(0, np).sort();
  const shared: SharedGroup[] = [];
  let s = 0;
  while (s < np) {
    const g = Math.floor(keys[s]! / base);
    let distinct = 1;
    let e = s + 1;
    while (e < np && Math.floor(keys[e]! / base) === g) {
      if (keys[e] !== keys[e - 1]) distinct++;
      e++;
    }
    if (distinct >= 2) shared.push({ group: g, kind: groups.kind[g]!, personas: distinct, ads: 0, cities: 0 });
    s = e;
  }
  if (shared.length === 0) return;
  // Ads and cities of each shared group within the cluster.
  const at = new Map<number, SharedGroup>();
  for (const x of shared) at.set(x.group, x);
  const seen = new Map<number, Set<number>>();
  for (let i = 0; i < members.length; i++) {
    const ad = members[i]!;
    const city = cityOf[ad]!;
    for (let j = groups.adStart[ad]!; j < groups.adStart[ad + 1]!; j++) {
      const x = at.get(groups.adGroups[j]!);
      if (!x) continue;
      x.ads++;
      if (city < 0) continue;
      let cs = seen.get(x.group);
      if (!cs) seen.set(x.group, (cs = new Set()));
      if (!cs.has(city)) {
        cs.add(city);
        x.cities++;
      }
    }
  }
  for (const x of shared) {
    if (x.personas > f.bestPersonas[x.kind]!) {
      f.bestPersonas[x.kind] = x.personas;
      f.bestGroup[x.kind] = x.group;
      f.bestAds[x.kind] = x.ads;
      f.bestCities[x.kind] = x.cities;
    }
  }
  f.shared = shared;
}

