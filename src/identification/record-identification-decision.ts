import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sealText } from '../cases/person.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict } from '../errors/catalogue.ts';
import { localDate } from '../profiles/calendar.ts';
import { checkDecisionInput, type DecisionInput } from './decision-input.ts';
import { assertMayDecide, loadProcedure } from './load-procedure.ts';
import { presentWrittenProcedure } from './present-identification.ts';

/**
 * Records the decision of an open procedure: outcome (from the stage's outcomes), deciding body,
 * date, reasons (encrypted) and the case documents relied on. Records the outcome's event, which
 * stops the stage's target clock and may open a review window (NL: 30 days to ask for
 * reconsideration after a negative advice). The body's organisation loses access to the case with it.
 */
export async function recordIdentificationDecision(ctx: Ctx, input: { procedureId: string } & DecisionInput) {
  assertCan(ctx.actor, 'decide', 'identification');
  return inTransaction(ctx, async (tx) => {
    const { access, procedure, profile, stage } = await loadProcedure(tx, input.procedureId);
    assertMayDecide(tx, procedure);
    if (access.row.status !== 'open') throw conflict('The case is closed; reopen it before recording a decision.');
    const entries = await tx.db.selectFrom('identification_decisions').select(['kind', 'status']).where('procedure_id', '=', procedure.id).execute();
    if (entries.some((e) => e.kind === 'review' && e.status === 'requested')) throw conflict('A review of this decision is pending; record the review decision instead.');
    if (procedure.status !== 'open' || entries.some((e) => e.kind === 'decision')) throw conflict('This procedure has already been decided.');
    if (stage.notBefore) {
      // UK: the conclusive grounds decision waits for the recovery period (a minimum period) to end.
      const minimum = await tx.db
        .selectFrom('clocks')
        .select(['due_at'])
        .where('case_id', '=', access.row.id)
        .where('code', '=', stage.notBefore)
        .orderBy('started_at', 'desc')
        .executeTakeFirst();
      const label = profile.clocks.find((c) => c.code === stage.notBefore)?.label.en ?? stage.notBefore;
      if (!minimum) throw conflict(`The ${label} has not started; this stage may not be decided yet.`);
      if (minimum.due_at.getTime() > tx.clock.now().getTime()) {
        throw conflict(`The ${label} runs until ${localDate(minimum.due_at, profile)}; this stage may not be decided before it ends.`);
      }
    }
    const checked = await checkDecisionInput(tx, profile, { caseId: access.row.id, outcomes: stage.outcomes, body: stage.decisionBody, notBefore: procedure.requested_at }, input);

    const now = tx.clock.now();
    const id = crypto.randomUUID();
    await tx.db
      .insertInto('identification_decisions')
      .values({
        id,
        procedure_id: procedure.id,
        case_id: access.row.id,
        kind: 'decision',
        review_code: null,
        reviews_decision_id: null,
        status: 'decided',
        outcome_code: checked.outcome.code,
        decision_body: checked.body,
        decided_on: input.decidedOn,
        requested_at: procedure.requested_at,
        recorded_at: now,
        recorded_by_user_id: tx.actor.userId,
        reasons_enc: sealText(tx.keyring, 'identification_decisions', 'reasons_enc', id, checked.reasons),
        document_ids: checked.documentIds,
      })
      .execute();
    await tx.db.updateTable('identification_procedures').set({ status: 'decided', closed_at: now }).where('id', '=', procedure.id).execute();
    await recordAudit(tx, {
      action: 'identification.decide',
      resourceType: 'identification-decision',
      resourceId: id,
      purpose: 'identification',
      details: { caseId: access.row.id, procedureId: procedure.id, stage: stage.code, outcome: checked.outcome.code, documents: checked.documentIds.length },
    });
    await recordCaseEvent(tx, {
      caseId: access.row.id,
      event: checked.outcome.event,
      details: { procedureId: procedure.id, decisionId: id, stage: stage.code, outcome: checked.outcome.code },
    });
    return presentWrittenProcedure(tx, access.row, profile, procedure.id);
  });
}
