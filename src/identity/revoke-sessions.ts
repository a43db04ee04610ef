import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { notFound } from '../errors/catalogue.ts';

/** Ends one of the user's own sessions (another device, or the current one: sign out). */
export async function revokeSession(ctx: Ctx, input: { userId: string; sessionId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const done = await tx.db
      .updateTable('sessions')
      .set({ revoked_at: tx.clock.now() })
      .where('id', '=', input.sessionId)
      .where('user_id', '=', input.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw notFound('No such session.');
    await recordAudit(tx, { action: 'auth.session-revoke', resourceType: 'session', resourceId: input.sessionId });
  });
}

/** Signs the user out on every device. */
export async function revokeAllSessions(ctx: Ctx, input: { userId: string; reason: string }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .updateTable('sessions')
      .set({ revoked_at: tx.clock.now() })
      .where('user_id', '=', input.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await recordAudit(tx, { action: 'auth.sessions-revoke-all', resourceType: 'user', resourceId: input.userId, details: { count: rows.length, reason: input.reason } });
    return rows.length;
  });
}
