import { sql, type Kysely } from 'kysely';

/**
 * Closing and reopening a case: when and why it was closed, and the grants (registrars only; least
 * privilege). Closing ends every active referral, so partners lose access at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column closed_at timestamptz, add column closure_reason text`.execute(db);
  for (const action of ['close', 'reopen']) {
    await sql`insert into role_grants (role_id, resource, action)
              select 'registrar', 'case', ${action} where exists (select 1 from roles where id = 'registrar')
              on conflict do nothing`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_grants where resource = 'case' and action in ('close','reopen')`.execute(db);
  await sql`alter table cases drop column closed_at, drop column closure_reason`.execute(db);
}
