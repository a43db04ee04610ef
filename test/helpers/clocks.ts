import { systemActor } from '../../src/access/actor.ts';
import type { Ctx } from '../../src/context.ts';
import type { Session, TestApp } from './test-app.ts';

/**
 * Helpers for clock tests. Sessions time out after 30 idle minutes and sign-in moves the fake clock
 * by 30 s (a fresh TOTP step), so `signInAt` signs in just before the wanted moment, then sets it.
 */
export function clockHelpers(t: TestApp) {
  async function signInAt(email: string, iso: string): Promise<Session> {
    t.clock.set(new Date(new Date(iso).getTime() - 120_000));
    // Tests move time backwards too; a TOTP step "from the past" would otherwise count as a replay.
    await t.ctx.db.updateTable('users').set({ totp_last_step: null }).where('email', '=', email).execute();
    const session = await t.signIn(email);
    t.clock.set(iso);
    return session;
  }
  /** A job context (as the worker builds it), optionally on another database handle. */
  const jobCtx = (db: Ctx['db'] = t.ctx.db): Ctx => ({ ...t.ctx, db, actor: systemActor('job:clocks.advance'), origin: { ip: null, requestId: 'job:test' } });
  const clocksOf = (where: { caseId?: string; signalId?: string }) => {
    let q = t.ctx.db.selectFrom('clocks').selectAll();
    if (where.caseId) q = q.where('case_id', '=', where.caseId);
    if (where.signalId) q = q.where('signal_id', '=', where.signalId);
    return q.orderBy('started_at').orderBy('code').execute();
  };
  const historyOf = (clockId: string) => t.ctx.db.selectFrom('clock_history').select(['what', 'details', 'at']).where('clock_id', '=', clockId).orderBy('seq').execute();
  return { signInAt, jobCtx, clocksOf, historyOf };
}
