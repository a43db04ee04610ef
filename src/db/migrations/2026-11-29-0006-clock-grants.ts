import { sql, type Kysely } from 'kysely';

/**
 * Grants for clocks and tasks (least privilege; deny by default). `clock:list` shows a case's clocks
 * (within case access) and the dashboard (scope "all": every organisation; otherwise only cases
 * referred to the viewer's organisation). `task:list` / `task:complete`: scope "all" sees every task,
 * others only the tasks assigned to their role in their organisation.
 */
export const CLOCK_GRANTS: Record<string, string[]> = {
  registrar: ['clock:list', 'task:list', 'task:complete'],
  'care-coordinator': ['clock:list', 'task:list', 'task:complete'],
  'identification-body-member': ['clock:list', 'task:list', 'task:complete'],
  'service-provider': ['clock:list'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [role, grants] of Object.entries(CLOCK_GRANTS)) {
    for (const grant of grants) {
      const [resource, action] = grant.split(':');
      await sql`insert into role_grants (role_id, resource, action)
                select ${role}, ${resource}, ${action} where exists (select 1 from roles where id = ${role})
                on conflict do nothing`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_grants where resource in ('clock','task')`.execute(db);
}
