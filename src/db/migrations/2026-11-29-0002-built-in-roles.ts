import { sql, type Kysely } from 'kysely';
import { BUILT_IN_ROLES } from '../../access/built-in-roles.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const role of BUILT_IN_ROLES) {
    await sql`insert into roles (id, name, scope, sees_personal_data, built_in)
              values (${role.id}, ${role.name}, ${role.scope}, ${role.seesPersonalData}, true)
              on conflict (id) do nothing`.execute(db);
    for (const grant of role.grants) {
      const [resource, action] = grant.split(':');
      await sql`insert into role_grants (role_id, resource, action) values (${role.id}, ${resource}, ${action})
                on conflict do nothing`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from roles where built_in`.execute(db);
}
