import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { presentClock } from './clock-query.ts';

/**
 * A case's clocks (running and ended, including the triage clock of its signal) with their history.
 * Case access decides (404 for a case the viewer may not open); a partner organisation sees the
 * case-wide clocks and the clocks of its own referrals, not those of other organisations' referrals.
 */
export async function listCaseClocks(ctx: Ctx, input: { caseId: string }) {
  assertCan(ctx.actor, 'list', 'clock');
  return inTransaction(ctx, async (tx) => {
    const { row, myReferrals } = await loadCase(tx, input.caseId, 'read');
    let clocks = await tx.db.selectFrom('clocks').selectAll().where('case_id', '=', row.id).orderBy('started_at').orderBy('id').execute();
    if (tx.actor.scope !== 'all') {
      const mine = new Set(myReferrals.map((r) => r.id));
      clocks = clocks.filter((c) => c.subject_id === null || (c.subject_type === 'referral' && mine.has(c.subject_id)));
    }
    const history = clocks.length
      ? await tx.db.selectFrom('clock_history').selectAll().where('clock_id', 'in', clocks.map((c) => c.id)).orderBy('seq').execute()
      : [];
    await recordAudit(tx, { action: 'clock.list', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { clocks: clocks.length } });
    return { items: clocks.map((c) => presentClock(c, history.filter((h) => h.clock_id === c.id))) };
  });
}
