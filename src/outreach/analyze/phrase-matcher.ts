import { C_NOSPACE, charClass, foldPhrase } from './char-tables.ts';
import { APOSTROPHE, ROOT, hashWord, isSoftSeparator, isWordCode, punctuationKey, rootTable, scanWords, slotOf, type Table } from './phrase-scan.ts';

/**
 * Matches many lexicon phrases (all languages, all lexicons) against folded text in ONE pass.
 *
 * Phrases are split into tokens - words (letters and digits; apostrophes inside a word are ignored,
 * so "foto's" = "fotos") and single punctuation characters ("24/7", "100% real") - and stored as a
 * trie over token hashes in one open-addressed table. The scan visits each word start of the text,
 * hashes the word and probes the table once; only words that begin some phrase lead to further
 * probes. Between tokens the text may have any run of spaces, hyphens and line breaks. Matching is
 * whole-word; a single-word phrase ending in "*" matches any word starting with it. Phrases in scripts
 * written without spaces (Thai, Chinese, Japanese) are found by substring search instead, and only
 * when the text contains such characters.
 *
 * At one start position only the longest phrase is reported (so an exclusion like "thai massage"
 * shadows the nationality "thai").
 */

export type PhraseEntry<P> = { phrase: string; payload: P };

/** A phrase listed in several lexicons carries all their payloads. */
export type PhraseHit<P> = { start: number; end: number; payloads: P[] };

/** Splits a folded phrase into token keys, or null when it has none. */
function tokenize(phrase: string): number[] | null {
  const keys: number[] = [];
  let i = 0;
  while (i < phrase.length) {
    const c = phrase.charCodeAt(i);
    if (isSoftSeparator(c)) {
      i++;
    } else if (isWordCode(c)) {
      let end = i;
      while (end < phrase.length && (isWordCode(phrase.charCodeAt(end)) || phrase.charCodeAt(end) === APOSTROPHE)) end++;
      keys.push(hashWord(phrase, i, end));
      i = end;
    } else {
      keys.push(punctuationKey(c));
      i++;
    }
  }
  return keys.length > 0 ? keys : null;
}


export class PhraseMatcher<P> {
  /** Per trie node: the payloads of the phrase ending there (or undefined). */
  private readonly terminal: (P[] | undefined)[] = [undefined];
  private table: Table = { parent: new Int32Array(1), key: new Int32Array(1), child: new Int32Array(1), mask: 0, root: new Int32Array(2), rootMask: 0 };
  private flags = new Uint8Array(1);
  private nodeClass = new Int16Array(1);
  private counts = new Int32Array(0);
  /** Single-word prefix phrases ("jung*"): stem length -> (stem hash -> payloads). */
  private readonly prefixes = new Map<number, Map<number, P[]>>();
  private readonly unspaced: { text: string; payloads: P[] }[] = [];

  /**
   * @param wordClasses words counted by class while matching (e.g. function words per language;
   *   one class per word, the first wins); after match(), classCounts() holds the counts.
   */
  constructor(entries: Iterable<PhraseEntry<P>>, wordClasses?: { words: Map<string, number>; count: number }) {
    const edges = new Map<string, number>(); // "parent:key" -> child
    const unspaced = new Map<string, P[]>();
    const nodeClass = new Map<number, number>();
    if (wordClasses) {
      // class words are trie nodes too: one probe per text word finds both
      for (const [word, cls] of wordClasses.words) {
        const keys = tokenize(foldPhrase(word));
        if (!keys || keys.length !== 1 || keys[0]! >= 0x40000000) continue;
        const edge = `${ROOT}:${keys[0]}`;
        let node = edges.get(edge);
        if (node === undefined) {
          node = this.terminal.length;
          this.terminal.push(undefined);
          edges.set(edge, node);
        }
        if (!nodeClass.has(node)) nodeClass.set(node, cls);
      }
      this.counts = new Int32Array(wordClasses.count);
    }
    for (const { phrase, payload } of entries) {
      let text = foldPhrase(phrase);
      if (!text) continue;
      if ((charClass[text.charCodeAt(0)]! & C_NOSPACE) !== 0) {
        const list = unspaced.get(text);
        if (list) list.push(payload);
        else unspaced.set(text, [payload]);
        continue;
      }
      if (text.endsWith('*')) {
        text = text.slice(0, -1).trimEnd();
        if (!text || !/^[^\s]+$/.test(text) || !isWordCode(text.charCodeAt(0))) continue; // one word only
        const stem = text.replaceAll("'", '');
        let byHash = this.prefixes.get(stem.length);
        if (!byHash) this.prefixes.set(stem.length, (byHash = new Map()));
        const h = hashWord(stem, 0, stem.length);
        const list = byHash.get(h);
        if (list) list.push(payload);
        else byHash.set(h, [payload]);
        continue;
      }
      const keys = tokenize(text);
      if (!keys || keys[0]! >= 0x40000000) continue; // a phrase starts with a word
      let node = ROOT;
      for (const key of keys) {
        const edge = `${node}:${key}`;
        let next = edges.get(edge);
        if (next === undefined) {
          next = this.terminal.length;
          this.terminal.push(undefined);
          edges.set(edge, next);
        }
        node = next;
      }
      const existing = this.terminal[node];
      if (existing) existing.push(payload);
      else this.terminal[node] = [payload];
    }
    let size = 16;
    while (size < edges.size * 3) size <<= 1;
    const rootEdges: [number, number][] = [];
    const table: Table = { parent: new Int32Array(size).fill(-1), key: new Int32Array(size), child: new Int32Array(size), mask: size - 1, root: new Int32Array(2), rootMask: 0 };
    for (const [edge, child] of edges) {
      const colon = edge.indexOf(':');
      const parent = Number(edge.slice(0, colon));
      const key = Number(edge.slice(colon + 1));
      if (parent === ROOT) rootEdges.push([key, child]);
      let slot = slotOf(parent, key, table.mask);
      while (table.parent[slot] !== -1) slot = (slot + 1) & table.mask;
      table.parent[slot] = parent;
      table.key[slot] = key;
      table.child[slot] = child;
    }
    Object.assign(table, rootTable(rootEdges, rootEdges.length));
    this.table = table;
    // node flags: 1 = a phrase ends here, 2 = has children (worth walking), 4 = counted word class
    this.flags = Uint8Array.from(this.terminal, (t) => (t ? 1 : 0));
    for (const edge of edges.keys()) {
      const parent = Number(edge.slice(0, edge.indexOf(':')));
      this.flags[parent]! |= 2;
    }
    this.nodeClass = new Int16Array(this.terminal.length).fill(-1);
    for (const [node, cls] of nodeClass) {
      this.nodeClass[node] = cls;
      this.flags[node]! |= 4;
    }
    for (const [text, payloads] of unspaced) this.unspaced.push({ text, payloads });
    this.unspaced.sort((a, b) => b.text.length - a.text.length);
  }

  /** Counts per word class of the last match() call (shared array). */
  classCounts(): Int32Array {
    return this.counts;
  }

  /** All hits in `folded` (a text folded with foldText), in order of start position. */
  match(folded: string, hasUnspacedScript: boolean, out: PhraseHit<P>[] = []): PhraseHit<P>[] {
    const found = scanWords(folded, this.table, this.flags, this.nodeClass, this.counts);
    for (let k = 0; k < found.length; k += 3) {
      out.push({ start: found[k]!, end: found[k + 1]!, payloads: this.terminal[found[k + 2]!]! });
    }
    if (this.prefixes.size > 0) this.matchPrefixes(folded, out);
    if (hasUnspacedScript && this.unspaced.length > 0) this.matchUnspaced(folded, out);
    return out;
  }

  private matchPrefixes(folded: string, out: PhraseHit<P>[]): void {
    const before = out.length;
    for (let i = 0; i < folded.length; i++) {
      if (!isWordCode(folded.charCodeAt(i)) || (i > 0 && isWordCode(folded.charCodeAt(i - 1)))) continue;
      let end = i;
      while (end < folded.length && isWordCode(folded.charCodeAt(end))) end++;
      for (const [length, byHash] of this.prefixes) {
        if (end - i < length) continue;
        const payloads = byHash.get(hashWord(folded, i, i + length));
        if (payloads && !out.some((h) => h.start === i)) out.push({ start: i, end, payloads });
      }
      i = end;
    }
    if (out.length > before) out.sort((a, b) => a.start - b.start);
  }

  private matchUnspaced(folded: string, out: PhraseHit<P>[]): void {
    const extra: PhraseHit<P>[] = [];
    const taken = new Set<number>();
    for (const entry of this.unspaced) {
      for (let at = folded.indexOf(entry.text); at >= 0; at = folded.indexOf(entry.text, at + 1)) {
        if (taken.has(at)) continue;
        taken.add(at);
        extra.push({ start: at, end: at + entry.text.length, payloads: entry.payloads });
      }
    }
    if (extra.length === 0) return;
    out.push(...extra);
    out.sort((a, b) => a.start - b.start);
  }
}

