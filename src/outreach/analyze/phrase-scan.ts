import { C_NOSPACE, C_WORD, charClass } from './char-tables.ts';

/**
 * The hot loop of the phrase matcher (phrase-matcher.ts): word hashing and the trie walk over an
 * open-addressed table of typed arrays. Kept free of closures and Maps: this runs over every
 * character of every ad.
 */

/**
 * Trie edges: (parent node, token key) -> child node. The root's edges are also in `root`, a table of
 * their own probed by key alone ([key, child + 1] pairs, 0 = empty; `rootMask`): every word of every
 * text looks there first, and most find nothing.
 */
export type Table = { parent: Int32Array; key: Int32Array; child: Int32Array; mask: number; root: Int32Array; rootMask: number };

/** Builds Table.root from the root's edges (key -> child). */
export function rootTable(edges: Iterable<[number, number]>, count: number): { root: Int32Array; rootMask: number } {
  let size = 16;
  while (size < count * 4) size <<= 1;
  const root = new Int32Array(2 * size);
  const rootMask = size - 1;
  for (const [key, child] of edges) {
    let slot = rootSlot(key, rootMask);
    while (root[2 * slot + 1] !== 0) slot = (slot + 1) & rootMask;
    root[2 * slot] = key;
    root[2 * slot + 1] = child + 1;
  }
  return { root, rootMask };
}

function rootSlot(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16 & mask;
}

function rootChild(table: Table, key: number): number {
  const root = table.root;
  const mask = table.rootMask;
  let slot = rootSlot(key, mask);
  for (;;) {
    const child = root[2 * slot + 1]!;
    if (child === 0) return -1;
    if (root[2 * slot] === key) return child - 1;
    slot = (slot + 1) & mask;
  }
}

export const ROOT = 0;
export const APOSTROPHE = 39;

export function isWordCode(code: number): boolean {
  return (charClass[code]! & C_WORD) !== 0 && (charClass[code]! & C_NOSPACE) === 0;
}
export function isSoftSeparator(code: number): boolean {
  return code === 32 || code === 45 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}
export function hashWord(text: string, start: number, end: number): number {
  let h = -2128831035;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== APOSTROPHE) h = Math.imul(h ^ c, 0x01000193);
  }
  return h & 0x3fffffff;
}
/** Punctuation tokens get keys outside the word-hash range. */
export function punctuationKey(code: number): number {
  return 0x40000000 | code;
}

export function slotOf(parent: number, key: number, mask: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ key) & mask;
}

function childOf(table: Table, parent: number, key: number): number {
  const mask = table.mask;
  let slot = slotOf(parent, key, mask);
  for (;;) {
    const p = table.parent[slot]!;
    if (p === -1) return -1;
    if (p === parent && table.key[slot] === key) return table.child[slot]!;
    slot = (slot + 1) & mask;
  }
}

const found: number[] = [];

/** Hits as (start, end, node) triples in a shared array, valid until the next call. */
export function scanWords(folded: string, table: Table, flags: Uint8Array, nodeClass: Int16Array, counts: Int32Array): number[] {
  found.length = 0;
  if (counts.length > 0) counts.fill(0);
  const n = folded.length;
  const classes = charClass;
  let i = 0;
  while (i < n) {
    const cls = classes[folded.charCodeAt(i)]!;
    if ((cls & C_WORD) === 0 || (cls & C_NOSPACE) !== 0) {
      i++;
      continue;
    }
    // a word starts at i: hash it
    let h = -2128831035;
    let end = i;
    while (end < n) {
      const c = folded.charCodeAt(end);
      const k = classes[c]!;
      if ((k & C_WORD) === 0 || (k & C_NOSPACE) !== 0) {
        if (c !== APOSTROPHE || end + 1 >= n || (classes[folded.charCodeAt(end + 1)]! & C_WORD) === 0) break;
      } else h = Math.imul(h ^ c, 0x01000193);
      end++;
    }
    const node = rootChild(table, h & 0x3fffffff);
    if (node > 0) {
      const f = flags[node]!;
      if ((f & 4) !== 0) counts[nodeClass[node]!]!++;
      if ((f & 3) !== 0) walk(folded, table, flags, i, end, node);
    }
    i = end;
  }
  return found;
}

/** Follows the trie from the first word (start..end, node) and records the longest phrase. */
function walk(folded: string, table: Table, flags: Uint8Array, start: number, firstEnd: number, firstNode: number): void {
  const n = folded.length;
  const classes = charClass;
  let node = firstNode;
  let end = firstEnd;
  let bestNode = (flags[node]! & 1) !== 0 ? node : -1;
  let bestEnd = end;
  while ((flags[node]! & 2) !== 0) {
    let j = end;
    while (j < n && isSoftSeparator(folded.charCodeAt(j))) j++;
    if (j >= n) break;
    const c = folded.charCodeAt(j);
    const cls = classes[c]!;
    let key: number;
    let next: number;
    if ((cls & C_WORD) !== 0 && (cls & C_NOSPACE) === 0) {
      if (j === end && end > start && isWordCode(folded.charCodeAt(end - 1))) break; // no separator
      let h = -2128831035;
      next = j;
      while (next < n) {
        const d = folded.charCodeAt(next);
        const k = classes[d]!;
        if ((k & C_WORD) === 0 || (k & C_NOSPACE) !== 0) {
          if (d !== APOSTROPHE || next + 1 >= n || (classes[folded.charCodeAt(next + 1)]! & C_WORD) === 0) break;
        } else h = Math.imul(h ^ d, 0x01000193);
        next++;
      }
      key = h & 0x3fffffff;
    } else {
      key = punctuationKey(c);
      next = j + 1;
    }
    const child = childOf(table, node, key);
    if (child < 0) break;
    node = child;
    end = next;
    if ((flags[node]! & 1) !== 0) {
      bestNode = node;
      bestEnd = end;
    }
  }
  if (bestNode > 0) found.push(start, bestEnd, bestNode);
}
