import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { loadActor } from '../access/load-actor.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { SessionStage } from './login.ts';
import { hashSessionToken } from './session-token.ts';

export type ResolvedSession = { sessionId: string; userId: string; stage: SessionStage; csrfToken: string; actor: Actor };

// A half-finished sign-in (password given, second factor not yet) is only good for a few minutes.
const PENDING_STAGE_MS = 10 * 60_000;
// last_seen_at is written at most this often, so reads do not turn into writes.
const TOUCH_EVERY_MS = 60_000;

/** Turns a session cookie into a session and actor, enforcing idle and absolute timeouts. */
export async function resolveSession(db: Kysely<DB>, config: Config, token: string, now: Date): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const s = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hashSessionToken(token)).executeTakeFirst();
  if (!s || s.revoked_at) return null;
  const t = now.getTime();
  const lastSeen = new Date(s.last_seen_at).getTime();
  if (new Date(s.expires_at).getTime() <= t) return null;
  if (t - lastSeen > config.sessionIdleMinutes * 60_000) return null;
  if (s.stage !== 'full' && t - new Date(s.created_at).getTime() > PENDING_STAGE_MS) return null;
  const actor = await loadActor(db, s.user_id);
  if (!actor) return null;
  if (t - lastSeen > TOUCH_EVERY_MS) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', s.id).execute();
  return { sessionId: s.id, userId: s.user_id, stage: s.stage, csrfToken: s.csrf_token, actor };
}
