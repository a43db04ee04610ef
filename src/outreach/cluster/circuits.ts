/** Moves between cities over time and the busiest window of cities (a circuit). */
import type { FeatureScratch } from './features.ts';

const DAY = 86_400_000;

export function countMoves(cities: Int32Array, n: number): number {
  let moves = 0;
  for (let i = 1; i < n; i++) if (cities[i] !== cities[i - 1]) moves++;
  return moves;
}

/** The time window (at most `span` ms) with the most distinct cities, into f.circuitCities/circuitDays. */
export function busiestWindow(sc: FeatureScratch, n: number, span: number): void {
  const { times, cities, windowCount, f } = sc;
  const out = f.circuitCities;
  out.length = 0;
  f.circuitDays = 0;
  if (n === 0) return;
  let l = 0;
  let distinct = 0;
  let bestDistinct = 0;
  let bestL = 0;
  let bestR = -1;
  for (let r = 0; r < n; r++) {
    if (windowCount[cities[r]!]!++ === 0) distinct++;
    while (times[r]! - times[l]! > span) {
      if (--windowCount[cities[l]!]! === 0) distinct--;
      l++;
    }
    if (distinct > bestDistinct) {
      bestDistinct = distinct;
      bestL = l;
      bestR = r;
    }
  }
  for (let i = l; i < n; i++) windowCount[cities[i]!] = 0;
  for (let i = bestL; i <= bestR; i++) {
    const c = cities[i]!;
    if (windowCount[c] === 0) {
      windowCount[c] = 1;
      out.push(c);
    }
  }
  for (let i = 0; i < out.length; i++) windowCount[out[i]!] = 0;
  f.circuitDays = Math.max(1, Math.round((times[bestR]! - times[bestL]!) / DAY));
}
