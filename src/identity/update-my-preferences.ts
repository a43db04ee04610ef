import type { Ctx } from '../context.ts';

export async function updateMyPreferences(ctx: Ctx, input: { userId: string; locale: 'nl' | 'en' }): Promise<void> {
  await ctx.db.updateTable('users').set({ locale: input.locale }).where('id', '=', input.userId).execute();
}
