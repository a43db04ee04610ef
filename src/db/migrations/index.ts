import type { Migration } from 'kysely';
import * as m0001 from './2026-11-29-0001-foundation.ts';
import * as m0002 from './2026-11-29-0002-built-in-roles.ts';
import * as m0003 from './2026-11-29-0003-referral-mechanism.ts';
import * as m0004 from './2026-11-29-0004-referral-mechanism-grants.ts';
import * as m0005 from './2026-11-29-0005-case-events-and-clocks.ts';
import * as m0006 from './2026-11-29-0006-clock-grants.ts';
import * as m0007 from './2026-11-29-0007-case-closure.ts';
import * as m0008 from './2026-11-29-0008-identification.ts';
import * as m0009 from './2026-11-29-0009-case-workspace.ts';
import * as m0010 from './2026-11-29-0010-data-subject-rights.ts';
import * as m0011 from './2026-11-29-0011-signal-case-index.ts';
import * as m0012 from './2026-11-29-0012-outreach-work.ts';
import * as m0013 from './2026-11-29-0013-outreach-third-party.ts';

/** Every migration, in order. Add a file, then list it here (names sort by date). */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-foundation': m0001,
  '2026-11-29-0002-built-in-roles': m0002,
  '2026-11-29-0003-referral-mechanism': m0003,
  '2026-11-29-0004-referral-mechanism-grants': m0004,
  '2026-11-29-0005-case-events-and-clocks': m0005,
  '2026-11-29-0006-clock-grants': m0006,
  '2026-11-29-0007-case-closure': m0007,
  '2026-11-29-0008-identification': m0008,
  '2026-11-29-0009-case-workspace': m0009,
  '2026-11-29-0010-data-subject-rights': m0010,
  '2026-11-29-0011-signal-case-index': m0011,
  '2026-11-29-0012-outreach-work': m0012,
  '2026-11-29-0013-outreach-third-party': m0013,
};
