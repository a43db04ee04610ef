import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';
import type { ReferralStatus } from '../db/schema.ts';
import { presentReferral, selectReferrals } from './referral-query.ts';

/**
 * Referrals to the viewer's organisation (the partner's inbox); registrars (scope all) see every
 * referral. Shows case numbers and types only, no personal data.
 */
export async function listReferrals(ctx: Ctx, input: { status?: ReferralStatus; limit?: number }) {
  assertCan(ctx.actor, 'list', 'referral');
  let query = selectReferrals(ctx.db);
  if (ctx.actor.scope !== 'all') query = query.where('referrals.organisation_id', '=', ctx.actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  if (input.status) query = query.where('referrals.status', '=', input.status);
  const rows = await query.orderBy('referrals.requested_at', 'desc').limit(Math.min(input.limit ?? 200, 500)).execute();
  return { items: rows.map(presentReferral) };
}
