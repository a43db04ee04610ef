import { sql, type Kysely } from 'kysely';

/**
 * The safety rules say never to send to a number controlled by a third party (someone answers for the
 * person, the number is a booking line). Such a number goes into the do-not-contact register like an
 * opt-out, with its own reason: `third-party`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outreach_opt_outs drop constraint outreach_opt_outs_via_check`.execute(db);
  await sql`alter table outreach_opt_outs add constraint outreach_opt_outs_via_check check (via in ('reply','call','worker','third-party','other'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update outreach_opt_outs set via = 'other' where via = 'third-party'`.execute(db);
  await sql`alter table outreach_opt_outs drop constraint outreach_opt_outs_via_check`.execute(db);
  await sql`alter table outreach_opt_outs add constraint outreach_opt_outs_via_check check (via in ('reply','call','worker','other'))`.execute(db);
}
