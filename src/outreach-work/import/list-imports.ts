import { assertCan } from '../../access/can.ts';
import type { Ctx } from '../../context.ts';
import { selectImports } from './import-query.ts';
import { presentImport } from './present-import.ts';

/** Recent import runs, newest first (counts and line problems only: no ad content). */
export async function listImports(ctx: Ctx, input: { limit?: number } = {}) {
  assertCan(ctx.actor, 'list', 'outreach-ad');
  const rows = await selectImports(ctx.db).orderBy('i.created_at', 'desc').orderBy('i.id').limit(Math.min(Math.max(input.limit ?? 20, 1), 100)).execute();
  return { items: rows.map(presentImport) };
}
