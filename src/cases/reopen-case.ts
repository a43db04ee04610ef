import { recordAudit } from '../audit/record-audit.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { loadCase } from './case-access.ts';
import { readCase } from './read-case.ts';

/** Reopens a closed case with a reason; the closure stays in the history (events and audit). */
export async function reopenCase(ctx: Ctx, input: { id: string; reason: string }) {
  if (!input.reason.trim()) throw invalid('body.reason', 'Give the reason for reopening the case.');
  await inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.id, 'reopen', { forUpdate: true });
    if (row.status !== 'closed') throw conflict('The case is not closed.');
    // Retention removed the person's data: there is nobody left to work for in this record.
    if (row.anonymised_at) throw conflict('The case has been anonymised after its retention period and cannot be reopened.');
    const now = tx.clock.now();
    await tx.db.updateTable('cases').set({ status: 'open', closed_at: null, closure_reason: null, updated_at: now }).where('id', '=', row.id).execute();
    await recordCaseEvent(tx, { caseId: row.id, event: 'case-reopened', details: { reason: input.reason.trim() } });
    await recordAudit(tx, { action: 'case.reopen', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { reason: input.reason.trim() } });
  });
  return readCase(ctx, { id: input.id });
}
