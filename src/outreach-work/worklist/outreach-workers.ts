import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';

/**
 * Active outreach workers of an organisation: enabled accounts in an active organisation whose role
 * may claim clusters. A cluster can be assigned to them only.
 */
export function outreachWorkersQuery(db: Ctx['db'], organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.display_name'])
    .where('users.organisation_id', '=', organisationId)
    .where('users.disabled_at', 'is', null)
    .where('organisations.active', '=', true)
    .where(sql<boolean>`exists (select 1 from role_grants g where g.role_id = users.role_id and g.resource = 'outreach-cluster' and g.action = 'claim')`)
    .orderBy('users.display_name')
    .orderBy('users.id');
}
