import type { Migration } from 'kysely';
import * as m0001 from './2026-11-29-0001-foundation.ts';
import * as m0002 from './2026-11-29-0002-built-in-roles.ts';

/** Every migration, in order. Add a file, then list it here (names sort by date). */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-foundation': m0001,
  '2026-11-29-0002-built-in-roles': m0002,
};
