import type { Ctx } from '../../context.ts';

/** Import runs with their source's code and the starter's name, for the presenter. */
export function selectImports(db: Ctx['db']) {
  return db
    .selectFrom('outreach_imports as i')
    .leftJoin('outreach_sources as s', 's.id', 'i.source_id')
    .leftJoin('users as u', 'u.id', 'i.started_by_user_id')
    .selectAll('i')
    .select(['s.code as source_code', 'u.display_name as started_by_name']);
}
