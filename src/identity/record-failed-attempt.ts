import type { Ctx } from '../context.ts';

/**
 * Counts a failed password or second-factor attempt and locks the account once the limit is hit.
 * The counter is reset only by a complete sign-in, so knowing the password does not buy unlimited
 * guesses at the second factor. Returns whether the account is now locked.
 */
export async function recordFailedAttempt(ctx: Ctx, userId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins < ctx.config.loginMaxFailures) return false;
  await ctx.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: new Date(now.getTime() + ctx.config.loginLockoutMinutes * 60_000) })
    .where('id', '=', userId)
    .execute();
  // Pending (half-signed-in) sessions of a locked account are dropped.
  await ctx.db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('stage', '!=', 'full').where('revoked_at', 'is', null).execute();
  return true;
}
