import type { Session } from '../api/types.ts';

const KEY = 'baken.afterLogin';

/** Remembers where a signed-out user wanted to go, to return there after signing in. */
export function rememberTarget(path: string): void {
  if (path.startsWith('/login')) return;
  try {
    sessionStorage.setItem(KEY, path);
  } catch {
    // Storage unavailable: the user lands on the home page instead.
  }
}

/** The remembered target (only same-site paths), once. */
export function takeTarget(): string {
  try {
    const value = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')) return value;
  } catch {
    // ignore
  }
  return '/';
}

export type StagePath = '/login' | '/login/second-factor' | '/login/enrol' | '/';

/** Where a session in a given stage belongs. */
export function pathForStage(session: Session | null): StagePath {
  if (!session) return '/login';
  if (session.stage === 'second-factor') return '/login/second-factor';
  if (session.stage === 'enrol') return '/login/enrol';
  return '/';
}
