import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../errors/catalogue.ts';
import { crossCheckProfile, type ProfileProblem } from './cross-check.ts';
import { profileSchema, type Profile } from './profile-schema.ts';

export type { ProfileProblem } from './cross-check.ts';

/** The profile used when configuration names none (the lead maps an environment variable onto it). */
export const DEFAULT_PROFILE_ID = 'nl';

/** The shipped profiles: one JSON file per profile version. */
export const PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));

/** An invalid profile, with every problem found (schema and cross-reference) at once. */
export class ProfileError extends Error {
  constructor(
    readonly problems: ProfileProblem[],
    readonly source = 'profile',
  ) {
    super(`Invalid jurisdiction profile (${source}):\n${problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

/**
 * Validates a parsed profile (any JSON value) and returns it typed, with defaults filled in and
 * frozen. Throws `ProfileError` listing every schema problem and every cross-reference problem.
 */
export function loadProfile(json: unknown, source?: string): Profile {
  const parsed = profileSchema.safeParse(json);
  const problems: ProfileProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const seen = new Set(problems.map((p) => `${p.path}\n${p.message}`));
  for (const p of crossCheckProfile(json)) {
    const key = `${p.path}\n${p.message}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  }
  if (!parsed.success || problems.length > 0) throw new ProfileError(problems, source);
  return deepFreeze(parsed.data);
}

/** Reads and validates one profile file. */
export function loadProfileFile(file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProfileError([{ path: '', message: `not readable as JSON: ${(e as Error).message}` }], file);
  }
  return loadProfile(json, path.basename(file));
}

/** What a case records about the profile that governs it. */
export type ProfileRef = { id: string; version: string };
export const profileRef = (p: Profile): ProfileRef => ({ id: p.id, version: String(p.version) });

let shipped: Profile[] | undefined;

/** Every shipped profile version, by id then version (oldest first). Invalid files stop the load. */
export function listProfiles(): Profile[] {
  if (!shipped) {
    const files = fs.readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.json')).sort();
    const all = files.map((f) => loadProfileFile(path.join(PROFILES_DIR, f)));
    const keys = new Set<string>();
    for (const [i, p] of all.entries()) {
      const key = `${p.id}@${String(p.version)}`;
      if (keys.has(key)) throw new ProfileError([{ path: 'id', message: `profile ${key} is shipped twice` }], files[i]);
      keys.add(key);
    }
    shipped = all.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
  }
  return shipped;
}

/**
 * A shipped profile by id and version; without a version, the newest version of that id.
 * Throws `NOT_FOUND` when there is none.
 */
export function getProfile(id: string, version?: string | number): Profile {
  const candidates = listProfiles().filter((p) => p.id === id);
  const found = version === undefined ? candidates.at(-1) : candidates.find((p) => String(p.version) === String(version));
  if (!found) throw new DomainError('NOT_FOUND', `No jurisdiction profile ${id}${version === undefined ? '' : `@${version}`}.`);
  return found;
}

/** Orders integer and semantic versions numerically ("2026.10.0" after "2026.9.0"; pre-releases first). */
export function compareVersions(a: string | number, b: string | number): number {
  const parse = (v: string | number) => {
    const s = String(v);
    const dash = s.indexOf('-');
    const core = dash < 0 ? s : s.slice(0, dash);
    return { parts: core.split('.').map(Number), pre: dash < 0 ? undefined : s.slice(dash + 1) };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
