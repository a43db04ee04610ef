import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { OPEN_CLOCK_STATES } from '../clocks/clock-rules.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { localDate } from '../profiles/calendar.ts';
import { loadProcedure } from './load-procedure.ts';
import { presentWrittenProcedure } from './present-identification.ts';

/**
 * Asks for a review (reconsideration or appeal) of a procedure's decision. Only while the review's
 * request window runs when the profile gives it one (NL: 30 days after a negative advice); refused
 * after it expired. Records the review's request event, which starts its own decision clock, and
 * opens the procedure again so that the deciding body sees the case until the review is decided.
 */
export async function requestIdentificationReview(ctx: Ctx, input: { procedureId: string; review?: string }) {
  assertCan(ctx.actor, 'review', 'identification');
  return inTransaction(ctx, async (tx) => {
    const { access, procedure, profile, stage } = await loadProcedure(tx, input.procedureId);
    if (stage.reviews.length === 0) throw conflict(`The profile has no review for the ${stage.label.en ?? stage.code} stage.`);
    const code = input.review ?? (stage.reviews.length === 1 ? stage.reviews[0]!.code : undefined);
    const review = stage.reviews.find((r) => r.code === code);
    if (!review) throw invalid('body.review', `Choose one of: ${stage.reviews.map((r) => r.code).join(', ')}.`);
    if (access.row.status !== 'open') throw conflict('The case is closed; reopen it before asking for a review.');
    const entries = await tx.db.selectFrom('identification_decisions').select(['id', 'kind', 'status', 'review_code']).where('procedure_id', '=', procedure.id).orderBy('recorded_at').execute();
    const decision = entries.find((e) => e.kind === 'decision');
    if (!decision) throw conflict('The stage has not been decided yet; a review can be asked for only after the decision.');
    if (entries.some((e) => e.kind === 'review' && e.status === 'requested')) throw conflict('A review of this decision is already pending.');

    const now = tx.clock.now();
    if (review.requestWindowClock) {
      const windows = await tx.db
        .selectFrom('clocks')
        .select(['state', 'due_at'])
        .where('case_id', '=', access.row.id)
        .where('code', '=', review.requestWindowClock)
        .where('started_at', '>=', procedure.requested_at)
        .orderBy('started_at', 'desc')
        .execute();
      const open = windows.find((w) => (OPEN_CLOCK_STATES as readonly string[]).includes(w.state) && w.due_at.getTime() > now.getTime());
      if (!open) {
        const last = windows[0];
        const opensOn = profile.clocks.find((c) => c.code === review.requestWindowClock)?.startOn;
        throw conflict(
          last
            ? `The window to ask for ${(review.label.en ?? review.code).toLowerCase()} closed on ${localDate(last.due_at, profile)}.`
            : `There is no window to ask for ${(review.label.en ?? review.code).toLowerCase()} of this decision (it opens with the event "${opensOn ?? '?'}").`,
          'body.review',
        );
      }
    } else if (entries.some((e) => e.review_code === review.code)) {
      throw conflict(`${review.label.en ?? review.code} of this decision has already been asked for.`, 'body.review');
    }

    const id = crypto.randomUUID();
    await tx.db
      .insertInto('identification_decisions')
      .values({
        id,
        procedure_id: procedure.id,
        case_id: access.row.id,
        kind: 'review',
        review_code: review.code,
        reviews_decision_id: decision.id,
        status: 'requested',
        outcome_code: null,
        decision_body: review.decisionBody,
        decided_on: null,
        requested_at: now,
        recorded_at: now,
        recorded_by_user_id: tx.actor.userId,
        reasons_enc: null,
      })
      .execute();
    await tx.db.updateTable('identification_procedures').set({ status: 'open', closed_at: null }).where('id', '=', procedure.id).execute();
    await recordAudit(tx, {
      action: 'identification.request-review',
      resourceType: 'identification-decision',
      resourceId: id,
      purpose: 'identification',
      details: { caseId: access.row.id, procedureId: procedure.id, review: review.code, reviewsDecisionId: decision.id },
    });
    await recordCaseEvent(tx, { caseId: access.row.id, event: review.requestedEvent, details: { procedureId: procedure.id, reviewId: id, review: review.code } });
    return presentWrittenProcedure(tx, access.row, profile, procedure.id);
  });
}
