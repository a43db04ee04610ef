import type { AdRecord } from '../types.ts';

/** A line that could not be used, with its 1-based line number and what is wrong with it. */
export type MalformedLine = { line: number; problem: string };

export type ParsedLine = { ok: true; ad: AdRecord } | { ok: false; problem: string };

const STRING_FIELDS = ['url', 'postedAt', 'title', 'body', 'city'] as const;
const LIST_FIELDS = ['phones', 'emails', 'handles', 'imageHashes', 'images'] as const;
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
  // Field by field with constant names (a loop over the names made every read and write a generic keyed
  // access; this and checking hashes without a regular expression measured about 15% faster), in the
  // order of STRING_FIELDS and LIST_FIELDS.
  const problem =
    stringField(ad, 'url', o.url) ??
    stringField(ad, 'postedAt', o.postedAt) ??
    stringField(ad, 'title', o.title) ??
    stringField(ad, 'body', o.body) ??
    stringField(ad, 'city', o.city) ??
    countryAndAge(ad, o) ??
    listField(ad, 'phones', o.phones) ??
    listField(ad, 'emails', o.emails) ??
    listField(ad, 'handles', o.handles) ??
    listField(ad, 'imageHashes', o.imageHashes) ??
    imageHashProblem(ad.imageHashes) ??
    listField(ad, 'images', o.images);
  if (problem !== undefined) return { ok: false, problem };
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

/** Sets a string field when present; returns the problem when it is not a string. */
function stringField(ad: AdRecord, f: (typeof STRING_FIELDS)[number], v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return `"${f}" must be a string, got ${describe(v)}`;
  ad[f] = v;
  return undefined;
}

/** Sets country (upper case) and age when present; returns the problem when one has the wrong type. */
function countryAndAge(ad: AdRecord, o: Record<string, unknown>): string | undefined {
  const country = o.country;
  if (country !== undefined && country !== null) {
    if (typeof country !== 'string') return `"country" must be a string, got ${describe(country)}`;
    ad.country = country.toUpperCase();
  }
  const age = o.age;
  if (age !== undefined && age !== null) {
    if (typeof age !== 'number' || !Number.isFinite(age)) return `"age" must be a number, got ${describe(age)}`;
    ad.age = age;
  }
  return undefined;
}

/** Sets a list-of-strings field when present; returns the problem when it is not one. */
function listField(ad: AdRecord, f: (typeof LIST_FIELDS)[number], v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return `"${f}" must be an array of strings, got ${describe(v)}`;
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') return `"${f}[${i}]" must be a string, got ${describe(v[i])}`;
  }
  ad[f] = v as string[];
  return undefined;
}

function imageHashProblem(hashes: readonly string[] | undefined): string | undefined {
  if (hashes === undefined) return undefined;
  for (let i = 0; i < hashes.length; i++) {
    if (!isHash(hashes[i]!)) return `"imageHashes[${i}]" must be 16 hexadecimal digits, got ${describe(hashes[i])}`;
  }
  return undefined;
}

/** Exactly 16 hexadecimal digits (by character codes: a regular expression per hash measured slower). */
function isHash(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    const lower = c | 0x20; // A-F onto a-f; nothing else lands on a-f
    if (lower < 0x61 || lower > 0x66) return false;
  }
  return true;
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
