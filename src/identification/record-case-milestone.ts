import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { identificationEvents } from './identification-rules.ts';
import { EVENTS_OF_OTHER_OPERATIONS, milestoneEvents } from './milestone-events.ts';
import { presentMilestone } from './milestone-query.ts';
import { assertEventAllowedByConsents } from './required-consents.ts';

/**
 * Records a case milestone: a profile event that no other operation produces (reflection period
 * granted, shelter placed, police report filed, residence decision, contact lost, case reviewed...).
 * The event drives the clocks like any other (the reflection period starts, a case review restarts
 * the review cycle). No free text: the event itself is the fact; notes belong in the case notes.
 */
export async function recordCaseMilestone(ctx: Ctx, input: { caseId: string; event: string }) {
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.caseId, 'record-event', { forUpdate: true });
    const profile = getProfile(row.profile_id, row.profile_version);
    if (!milestoneEvents(profile).some((e) => e.code === input.event)) {
      const why = identificationEvents(profile).has(input.event)
        ? 'is recorded by the identification procedure (request, decision or review), not as a milestone.'
        : EVENTS_OF_OTHER_OPERATIONS.has(input.event) && profile.events.some((e) => e.code === input.event)
          ? 'is recorded by its own operation (intake, registration, consent, referral or closure), not as a milestone.'
          : `is not an event of profile ${profile.id} ${String(profile.version)}.`;
      throw invalid('body.event', `"${input.event}" ${why}`);
    }
    if (row.status !== 'open') throw conflict('The case is closed; reopen it before recording a milestone.');
    await assertEventAllowedByConsents(tx, profile, row.id, input.event, 'body.event');
    const { eventId, startedClockIds } = await recordCaseEvent(tx, { caseId: row.id, event: input.event, details: { milestone: true } });
    await recordAudit(tx, {
      action: 'case.record-event',
      resourceType: 'case',
      resourceId: row.id,
      purpose: 'case-work',
      details: { event: input.event, eventId, startedClocks: startedClockIds.length },
    });
    const recorded = await tx.db
      .selectFrom('case_events')
      .leftJoin('users', 'users.id', 'case_events.actor_user_id')
      .select(['case_events.id', 'case_events.event', 'case_events.at', 'users.display_name'])
      .where('case_events.id', '=', eventId)
      .executeTakeFirstOrThrow();
    return presentMilestone(profile, recorded);
  });
}
