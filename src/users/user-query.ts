import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The users-with-organisation-and-role query every user presenter needs. */
export function selectUsers(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations as o', 'o.id', 'users.organisation_id')
    .innerJoin('roles as r', 'r.id', 'users.role_id')
    .select([
      'users.id', 'users.email', 'users.display_name', 'users.organisation_id', 'o.name as organisation_name',
      'users.role_id', 'r.name as role_name', 'users.totp_enabled_at', 'users.locked_until', 'users.disabled_at',
      'users.last_login_at', 'users.created_at',
    ]);
}
