import { assertCan } from '../../access/can.ts';
import type { Ctx } from '../../context.ts';
import { presentSource } from './present-source.ts';

/** Sources with the number of stored ads and their last import; never a credential, only its hint. */
export async function listSources(ctx: Ctx) {
  assertCan(ctx.actor, 'list', 'outreach-source');
  const rows = await ctx.db
    .selectFrom('outreach_sources as s')
    .selectAll('s')
    .select((eb) => [
      eb.selectFrom('outreach_ads').whereRef('outreach_ads.source', '=', 's.code').select((e) => e.fn.countAll().as('n')).as('ads'),
      eb.selectFrom('outreach_imports').whereRef('outreach_imports.source_id', '=', 's.id').select((e) => e.fn.max('outreach_imports.created_at').as('m')).as('last_import_at'),
    ])
    .orderBy('s.code')
    .execute();
  return { items: rows.map((r) => presentSource({ ...r, ads: r.ads as number | null, last_import_at: r.last_import_at as Date | null })) };
}
