import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { presentRun, selectRuns } from './retention-run-query.ts';

/** Retention runs, newest first, with their reports (case and signal numbers are pseudonymous; audited all the same). */
export async function listRetentionRuns(ctx: Ctx, input: { limit?: number }) {
  assertCan(ctx.actor, 'list', 'retention');
  return inTransaction(ctx, async (tx) => {
    const rows = await selectRuns(tx.db).orderBy('retention_runs.started_at', 'desc').orderBy('retention_runs.id').limit(input.limit ?? 50).execute();
    await recordAudit(tx, { action: 'retention.list', resourceType: 'retention', purpose: 'oversight', details: { runs: rows.length } });
    return { items: rows.map(presentRun) };
  });
}
