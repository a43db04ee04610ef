import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/** Builds the Actor for a user from their role and its grants (roles are data, read each time). */
export async function loadActor(db: Kysely<DB> | Transaction<DB>, userId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id', 'users.role_id', 'roles.scope', 'roles.sees_personal_data', 'users.disabled_at', 'organisations.type as organisation_type'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const grants = await db.selectFrom('role_grants').select(['resource', 'action']).where('role_id', '=', row.role_id).execute();
  return {
    kind: 'user',
    userId: row.id,
    organisationId: row.organisation_id,
    organisationType: row.organisation_type,
    roleId: row.role_id,
    scope: row.scope,
    seesPersonalData: row.sees_personal_data,
    grants: new Set(grants.map((g) => `${g.resource}:${g.action}`)),
    label: `user:${row.id}`,
  };
}
