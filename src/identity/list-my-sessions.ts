import type { Ctx } from '../context.ts';

export async function listMySessions(ctx: Ctx, input: { userId: string; currentSessionId: string }) {
  const now = ctx.clock.now();
  const idleCutoff = new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000);
  const rows = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleCutoff)
    .where('stage', '=', 'full')
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id === input.currentSessionId,
  }));
}
