import type { AdRecord } from '../types.ts';

/** A line that could not be used, with its 1-based line number and what is wrong with it. */
export type MalformedLine = { line: number; problem: string };

export type ParsedLine = { ok: true; ad: AdRecord } | { ok: false; problem: string };

const STRING_FIELDS = ['url', 'postedAt', 'title', 'body', 'city'] as const;
const LIST_FIELDS = ['phones', 'emails', 'handles', 'imageHashes', 'images'] as const;
const HASH = /^[0-9a-fA-F]{16}$/;
const MAX_PROBLEM_PREVIEW = 60;

/**
 * Parses and checks one JSON Lines record (docs/ad-format.md). Types are checked by hand, field by
 * field, because this runs once per ad on millions of lines; `null` counts as absent for optional
 * fields. Unknown fields are kept in `extra`. Returns a problem instead of throwing.
 */
export function parseAdLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `invalid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  return checkAd(value as Record<string, unknown>);
}

export function checkAd(o: Record<string, unknown>): ParsedLine {
  const id = o.id;
  if (typeof id !== 'string' || id.length === 0) {
    return { ok: false, problem: id === undefined || id === null ? 'missing "id"' : `"id" must be a non-empty string, got ${describe(id)}` };
  }
  const source = o.source ?? '';
  if (typeof source !== 'string') return { ok: false, problem: `"source" must be a string, got ${describe(source)}` };
  const ad: AdRecord = { id, source };
  for (const f of STRING_FIELDS) {
    const v = o[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { ok: false, problem: `"${f}" must be a string, got ${describe(v)}` };
    ad[f] = v;
  }
  if (o.country !== undefined && o.country !== null) {
    if (typeof o.country !== 'string') return { ok: false, problem: `"country" must be a string, got ${describe(o.country)}` };
    ad.country = o.country.toUpperCase();
  }
  if (o.age !== undefined && o.age !== null) {
    if (typeof o.age !== 'number' || !Number.isFinite(o.age)) return { ok: false, problem: `"age" must be a number, got ${describe(o.age)}` };
    ad.age = o.age;
  }
  for (const f of LIST_FIELDS) {
    const v = o[f];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) return { ok: false, problem: `"${f}" must be an array of strings, got ${describe(v)}` };
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'string') return { ok: false, problem: `"${f}[${i}]" must be a string, got ${describe(v[i])}` };
    }
    if (f === 'imageHashes') {
      for (let i = 0; i < v.length; i++) {
        if (!HASH.test(v[i] as string)) return { ok: false, problem: `"imageHashes[${i}]" must be 16 hexadecimal digits, got ${describe(v[i])}` };
      }
    }
    ad[f] = v as string[];
  }
  let extra: Record<string, unknown> | undefined;
  for (const k in o) {
    if (KNOWN.has(k)) continue;
    extra ??= {};
    // A key "__proto__" from JSON.parse is an own property; keep it as data, not as a prototype.
    if (k === '__proto__') Object.defineProperty(extra, k, { value: o[k], enumerable: true, writable: true, configurable: true });
    else extra[k] = o[k];
  }
  if (extra) ad.extra = extra;
  return { ok: true, ad };
}

const KNOWN = new Set<string>(['id', 'source', 'country', 'age', ...STRING_FIELDS, ...LIST_FIELDS]);

/** The JSON object of an ad as it appears in the input format: `extra` fields back at the top level. */
export function adToJson(ad: AdRecord): Record<string, unknown> {
  const { extra, ...known } = ad;
  return extra ? { ...known, ...extra } : known;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > MAX_PROBLEM_PREVIEW ? `${v.slice(0, MAX_PROBLEM_PREVIEW)}...` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
