import type { Ctx } from '../../context.ts';

/** For phone tokens: which are in the opt-out register, and when each was last contacted. */
export async function phoneStatus(db: Ctx['db'], tokens: readonly string[]) {
  const optedOut = new Set<string>();
  const lastContactAt = new Map<string, Date>();
  if (tokens.length === 0) return { optedOut, lastContactAt };
  const unique = [...new Set(tokens)];
  const outs = await db.selectFrom('outreach_opt_outs').select('phone_token').where('phone_token', 'in', unique).execute();
  for (const o of outs) optedOut.add(o.phone_token);
  const contacts = await db
    .selectFrom('outreach_contacts')
    .select(['phone_token', (eb) => eb.fn.max('created_at').as('last')])
    .where('phone_token', 'in', unique)
    .groupBy('phone_token')
    .execute();
  for (const c of contacts) if (c.last) lastContactAt.set(c.phone_token, new Date(c.last as Date | string));
  return { optedOut, lastContactAt };
}
