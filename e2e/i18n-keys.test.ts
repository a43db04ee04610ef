import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No browser needed: checks that both languages have the same texts and that every literal key
// the web app asks for exists, so no raw key or missing translation ever reaches the screen.
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src');

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The base file plus every section file (`i18n/sections/<section>.<lang>.json`), as the app merges them. */
function texts(lang: string): Record<string, unknown> {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const merged = read(path.join(WEB, `i18n/${lang}.json`));
  const dir = path.join(WEB, 'i18n/sections');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(`.${lang}.json`))) {
    const section = read(path.join(dir, file));
    for (const key of Object.keys(section)) if (key in merged) throw new Error(`${file}: top-level key "${key}" is already used`);
    Object.assign(merged, section);
  }
  return merged;
}

const nl = texts('nl') as unknown;
const en = texts('en') as unknown;
const nlKeys = new Set(flatten(nl));
const enKeys = new Set(flatten(en));
/** Keys with plural forms are asked for without the _one/_other suffix. */
const usable = new Set([...nlKeys].map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));

describe('translations', () => {
  it('has the same keys in Dutch and English', () => {
    expect([...nlKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !nlKeys.has(key))).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = (value: unknown, prefix = ''): string[] =>
      typeof value === 'string' ? (value.trim() ? [] : [prefix]) : Object.entries(value as object).flatMap(([k, v]) => empty(v, `${prefix}.${k}`));
    expect([...empty(nl, 'nl'), ...empty(en, 'en')]).toEqual([]);
  });

  it('has every key the code uses literally', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(WEB)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] ?? '';
        if (!usable.has(key)) missing.push(`${path.relative(WEB, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every organisation type, scope and built-in role in both languages', () => {
    const types = ['police', 'labour-inspectorate', 'border-police', 'municipality', 'ngo', 'shelter', 'care-coordination', 'legal-aid', 'health', 'guardian', 'registrar', 'identification-body', 'outreach'];
    const roles = ['first-responder', 'registrar', 'care-coordinator', 'service-provider', 'identification-body-member', 'outreach-worker', 'statistics-analyst', 'administrator'];
    const wanted = [
      ...types.map((type) => `organisationTypes.${type}`),
      ...['own', 'organisation', 'assigned', 'all'].map((scope) => `scopes.${scope}`),
      ...roles.map((role) => `roleNames.${role}`),
    ];
    expect(wanted.filter((key) => !nlKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
