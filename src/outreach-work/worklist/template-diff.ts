/**
 * The template of a cluster: the words most of its ads share, with the parts that vary ("slots":
 * names, ages, cities, numbers). Pure. Each body is tokenised into words and punctuation, aligned
 * against the most common body by a longest common subsequence, and a token of that reference body
 * is template ("fixed") when more than half of the ads contain it at an aligned position. Between two
 * fixed tokens, what each ad has instead is a slot with its variants.
 */
export type TemplateSegment = { text: string; kind: 'fixed' | 'slot'; variants?: string[] };
export type ClusterTemplate = { segments: TemplateSegment[]; ads: number; referenceShare: number };

type Token = { text: string; key: string; lead: string };

/** Bodies longer than this (in tokens) are cut: an LCS is quadratic. */
const MAX_TOKENS = 400;
const MAX_VARIANTS = 12;

export function tokenise(body: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\s*)([\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-])/gu;
  for (const m of body.matchAll(re)) {
    tokens.push({ text: m[2]!, key: m[2]!.toLowerCase(), lead: m[1] ? ' ' : '' });
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** For each token of `a`, the index of its partner in `b` under one longest common subsequence, or -1. */
export function alignLcs(a: readonly string[], b: readonly string[]): Int32Array {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const table = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = a[i] === b[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  const match = new Int32Array(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      match[i] = j;
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) i++;
    else j++;
  }
  return match;
}

function join(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += (k === from ? '' : tokens[k]!.lead) + tokens[k]!.text;
  return out;
}

function mostCommon(bodies: readonly string[]): number {
  const counts = new Map<string, { n: number; first: number }>();
  bodies.forEach((b, i) => {
    const key = b.trim().toLowerCase();
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, first: i });
  });
  let best = { n: 0, first: 0 };
  for (const c of counts.values()) if (c.n > best.n) best = c;
  return best.first;
}

export function clusterTemplate(bodies: readonly string[]): ClusterTemplate {
  const texts = bodies.filter((b) => b.trim() !== '');
  if (texts.length === 0) return { segments: [], ads: 0, referenceShare: 0 };
  const refIndex = mostCommon(texts);
  const ref = tokenise(texts[refIndex]!);
  const refKeys = ref.map((t) => t.key);
  const docs = texts.map((b) => tokenise(b));
  const alignments = docs.map((d, i) => (i === refIndex ? Int32Array.from(ref.keys()) : alignLcs(refKeys, d.map((t) => t.key))));
  const support = new Int32Array(ref.length);
  for (const al of alignments) for (let k = 0; k < ref.length; k++) if (al[k]! >= 0) support[k]!++;
  const fixed = ref.map((_, k) => support[k]! * 2 > texts.length);
  const sameAsRef = texts.filter((b) => b.trim().toLowerCase() === texts[refIndex]!.trim().toLowerCase()).length;

  const segments: TemplateSegment[] = [];
  const push = (kind: 'fixed' | 'slot', text: string, variants?: string[]) => {
    const last = segments.at(-1);
    if (last && last.kind === 'fixed' && kind === 'fixed') last.text += text;
    else segments.push(variants ? { kind, text, variants } : { kind, text });
  };
  // Walk the gaps between consecutive fixed tokens (and before the first / after the last).
  let prevFixed = -1;
  for (let k = 0; k <= ref.length; k++) {
    if (k < ref.length && !fixed[k]) continue;
    const refGap = join(ref, prevFixed + 1, k);
    const variants = new Set<string>();
    docs.forEach((doc, d) => {
      const al = alignments[d]!;
      const left = prevFixed >= 0 ? al[prevFixed]! : -1;
      const right = k < ref.length ? al[k]! : doc.length;
      if ((prevFixed >= 0 && left < 0) || right < 0) return;
      const text = join(doc, left + 1, right);
      if (text) variants.add(text);
    });
    if (refGap || variants.size > 0) {
      const lead = ref[prevFixed + 1]?.lead ?? ' ';
      const list = [...variants].sort((a, b) => a.localeCompare(b)).slice(0, MAX_VARIANTS);
      if (variants.size <= 1 && refGap && list[0] === refGap) push('fixed', (segments.length ? lead : '') + refGap);
      else {
        if (segments.length) push('fixed', lead);
        push('slot', refGap || '…', list);
      }
    }
    if (k < ref.length) push('fixed', (segments.length ? ref[k]!.lead : '') + ref[k]!.text);
    prevFixed = k;
  }
  return { segments: segments.filter((s) => s.kind === 'slot' || s.text !== ''), ads: texts.length, referenceShare: Math.round((sameAsRef / texts.length) * 100) / 100 };
}
