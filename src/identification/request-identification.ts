import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { findStage } from './identification-rules.ts';
import { presentWrittenProcedure } from './present-identification.ts';
import { loadIdentification, whyNotRequestable } from './procedure-query.ts';
import { assertEventAllowedByConsents } from './required-consents.ts';

export type RequestIdentificationInput = {
  caseId: string;
  /** A stage of the case's profile (NL 'multidisciplinary-assessment'; UK 'reasonable-grounds', 'conclusive-grounds'). */
  stage: string;
  /** The deciding body's organisation; may be left out when the directory has exactly one of its type. */
  organisationId?: string;
};

/**
 * Asks the deciding body to decide a stage of identification. Picks the body's organisation from the
 * directory (organisations of the type the profile names for the body), records the stage's start
 * event (its target clock starts) and, from then until the decision, lets that organisation see the
 * case (case-access.ts). Refuses a stage already open, or one whose earlier stage has not opened it.
 */
export async function requestIdentification(ctx: Ctx, input: RequestIdentificationInput) {
  assertCan(ctx.actor, 'request', 'identification');
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    const profile = getProfile(row.profile_id, row.profile_version);
    const stage = findStage(profile, input.stage);
    if (!stage) {
      throw invalid('body.stage', `"${input.stage}" is not an identification stage of profile ${profile.id}; choose one of: ${profile.identificationStages.map((s) => s.code).join(', ')}.`);
    }
    if (row.status !== 'open') throw conflict('The case is closed; reopen it before asking for identification.');
    const { procedures, decisions } = await loadIdentification(tx, row.id);
    const blocked = whyNotRequestable(profile, stage, procedures, decisions);
    if (blocked) throw conflict(blocked, 'body.stage');

    const body = profile.decisionBodies.find((b) => b.code === stage.decisionBody)!;
    const candidates = await tx.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('type', '=', body.organisationType)
      .where('active', '=', true)
      .orderBy('name')
      .execute();
    let organisationId: string;
    if (input.organisationId) {
      if (!candidates.some((c) => c.id === input.organisationId)) {
        throw invalid('body.organisationId', `Choose an active organisation of type "${body.organisationType}" (the ${body.label.en ?? body.code}).`);
      }
      organisationId = input.organisationId;
    } else if (candidates.length === 1) {
      organisationId = candidates[0]!.id;
    } else if (candidates.length === 0) {
      throw invalid('body.organisationId', `The directory has no active organisation of type "${body.organisationType}" to decide this stage; add it first.`);
    } else {
      throw invalid('body.organisationId', `The directory has ${candidates.length} organisations of type "${body.organisationType}"; choose one.`);
    }

    // A stage that an earlier outcome opens (UK conclusive grounds after reasonable-grounds-positive)
    // starts on that outcome's event, already on the timeline: recording it again would restart the
    // clocks it started (the recovery period).
    const openedByOutcome = profile.identificationStages.some((s) => s.outcomes.some((o) => o.event === stage.startsOn));
    const alreadyRecorded = openedByOutcome
      ? await tx.db.selectFrom('case_events').select('id').where('case_id', '=', row.id).where('event', '=', stage.startsOn).executeTakeFirst()
      : undefined;
    if (!alreadyRecorded) await assertEventAllowedByConsents(tx, profile, row.id, stage.startsOn, 'body.stage');

    const now = tx.clock.now();
    const id = crypto.randomUUID();
    await tx.db
      .insertInto('identification_procedures')
      .values({ id, case_id: row.id, stage_code: stage.code, decision_body: body.code, body_organisation_id: organisationId, requested_at: now, requested_by_user_id: tx.actor.userId, closed_at: null })
      .execute();
    await recordAudit(tx, {
      action: 'identification.request',
      resourceType: 'identification-procedure',
      resourceId: id,
      purpose: 'identification',
      details: { caseId: row.id, stage: stage.code, organisationId },
    });
    if (!alreadyRecorded) {
      await recordCaseEvent(tx, { caseId: row.id, event: stage.startsOn, details: { procedureId: id, stage: stage.code } });
    }
    return presentWrittenProcedure(tx, row, profile, id);
  });
}
