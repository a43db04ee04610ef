import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';

/**
 * Serialises contact creation and opt-out for one number (a transaction-scoped advisory lock on the
 * keyed hash), so a message can never be queued in the instant after its number opted out.
 */
export async function lockPhone(db: Ctx['db'], phoneToken: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`outreach-phone:${phoneToken}`}, 0))`.execute(db);
}

export async function isOptedOut(db: Ctx['db'], phoneToken: string): Promise<boolean> {
  const row = await db.selectFrom('outreach_opt_outs').select('phone_token').where('phone_token', '=', phoneToken).executeTakeFirst();
  return row !== undefined;
}
