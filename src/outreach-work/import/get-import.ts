import { assertCan } from '../../access/can.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors/catalogue.ts';
import { selectImports } from './import-query.ts';
import { presentImport } from './present-import.ts';

/** One import run with its progress (polled by the Import page while the job runs). */
export async function getImport(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'list', 'outreach-ad');
  const row = await selectImports(ctx.db).where('i.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('No such import.');
  return presentImport(row);
}
