import { sql, type Kysely } from 'kysely';

/**
 * Inserts `resource:action` grants per built-in role, for migrations. Roles an administrator has
 * deleted are skipped; existing grants are kept. Frozen behaviour: migrations that use it must keep
 * meaning the same thing, so change this only by adding a new function.
 */
export async function insertRoleGrants(db: Kysely<unknown>, grants: Record<string, string[]>): Promise<void> {
  for (const [role, list] of Object.entries(grants)) {
    for (const grant of list) {
      const [resource, action] = grant.split(':');
      await sql`insert into role_grants (role_id, resource, action)
                select ${role}, ${resource}, ${action} where exists (select 1 from roles where id = ${role})
                on conflict do nothing`.execute(db);
    }
  }
}

/** Removes exactly the grants `insertRoleGrants` added (for a migration's `down`). */
export async function deleteRoleGrants(db: Kysely<unknown>, grants: Record<string, string[]>): Promise<void> {
  for (const [role, list] of Object.entries(grants)) {
    for (const grant of list) {
      const [resource, action] = grant.split(':');
      await sql`delete from role_grants where role_id = ${role} and resource = ${resource} and action = ${action}`.execute(db);
    }
  }
}
