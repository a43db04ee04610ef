import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sealText } from '../cases/person.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, notFound } from '../errors/catalogue.ts';
import { checkDecisionInput, type DecisionInput } from './decision-input.ts';
import { reviewDecidedEvent } from './identification-rules.ts';
import { assertMayDecide, loadProcedure } from './load-procedure.ts';
import { presentWrittenProcedure } from './present-identification.ts';

/**
 * Decides a pending review with an outcome of the stage (the review's outcome becomes the stage's
 * current outcome: victim status), deciding body, date, encrypted reasons and documents relied on.
 * Records the review's decided event when the profile has one (NL 'reconsideration-decided'), which
 * stops the review's decision clock; the procedure closes again.
 */
export async function decideIdentificationReview(ctx: Ctx, input: { reviewId: string } & DecisionInput) {
  assertCan(ctx.actor, 'decide', 'identification');
  return inTransaction(ctx, async (tx) => {
    const first = await tx.db.selectFrom('identification_decisions').select(['procedure_id', 'kind']).where('id', '=', input.reviewId).executeTakeFirst();
    if (!first || first.kind !== 'review') throw notFound();
    const { access, procedure, profile, stage } = await loadProcedure(tx, first.procedure_id);
    assertMayDecide(tx, procedure);
    const entry = await tx.db.selectFrom('identification_decisions').selectAll().where('id', '=', input.reviewId).executeTakeFirstOrThrow();
    if (entry.status !== 'requested') throw conflict('This review has already been decided.');
    if (access.row.status !== 'open') throw conflict('The case is closed; reopen it before recording a decision.');
    const review = stage.reviews.find((r) => r.code === entry.review_code);
    const checked = await checkDecisionInput(
      tx,
      profile,
      { caseId: access.row.id, outcomes: stage.outcomes, body: review?.decisionBody ?? entry.decision_body, notBefore: entry.requested_at ?? entry.recorded_at },
      input,
    );
    const now = tx.clock.now();
    await tx.db
      .updateTable('identification_decisions')
      .set({
        status: 'decided',
        outcome_code: checked.outcome.code,
        decision_body: checked.body,
        decided_on: input.decidedOn,
        recorded_at: now,
        recorded_by_user_id: tx.actor.userId,
        reasons_enc: sealText(tx.keyring, 'identification_decisions', 'reasons_enc', entry.id, checked.reasons),
        document_ids: checked.documentIds,
      })
      .where('id', '=', entry.id)
      .execute();
    await tx.db.updateTable('identification_procedures').set({ status: 'decided', closed_at: now }).where('id', '=', procedure.id).execute();
    await recordAudit(tx, {
      action: 'identification.decide-review',
      resourceType: 'identification-decision',
      resourceId: entry.id,
      purpose: 'identification',
      details: { caseId: access.row.id, procedureId: procedure.id, review: entry.review_code, outcome: checked.outcome.code, documents: checked.documentIds.length },
    });
    // The outcome's own event is not recorded again: it would open a second review window (NL) or
    // restart clocks of the first decision. A stage that a changed outcome opens records its start
    // event when it is requested (request-identification.ts).
    const decided = review ? reviewDecidedEvent(profile, review) : null;
    if (decided) {
      await recordCaseEvent(tx, { caseId: access.row.id, event: decided, details: { procedureId: procedure.id, reviewId: entry.id, outcome: checked.outcome.code } });
    }
    return presentWrittenProcedure(tx, access.row, profile, procedure.id);
  });
}
