import type { Ctx } from '../context.ts';
import { hashRecoveryCode, newRecoveryCodes } from './totp.ts';

/** Replaces the user's recovery codes; the plain codes are returned once and never stored. */
export async function issueRecoveryCodes(ctx: Ctx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await ctx.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await ctx.db
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), created_at: ctx.clock.now() })))
    .execute();
  return codes;
}
