import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { presentUser } from './present-user.ts';
import { selectUsers } from './user-query.ts';

/** Staff accounts, filtered; names and e-mails are personal data, so the read is audited. */
export async function listUsers(ctx: Ctx, input: { organisationId?: string; q?: string; limit?: number }) {
  assertCan(ctx.actor, 'list', 'user');
  let query = selectUsers(ctx.db);
  if (ctx.actor.scope === 'organisation') query = query.where('users.organisation_id', '=', ctx.actor.organisationId ?? '');
  if (input.organisationId) query = query.where('users.organisation_id', '=', input.organisationId);
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('users.email', 'ilike', like), eb('users.display_name', 'ilike', like)]));
  }
  const rows = await query.orderBy('users.display_name').limit(input.limit ?? 500).execute();
  await recordAudit(ctx, {
    action: 'user.list',
    resourceType: 'user',
    purpose: 'administration',
    details: { organisationId: input.organisationId ?? null, searched: Boolean(input.q), count: rows.length },
  });
  const now = ctx.clock.now();
  return rows.map((r) => presentUser(r, now));
}
