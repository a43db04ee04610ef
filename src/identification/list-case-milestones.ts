import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { milestoneEvents } from './milestone-events.ts';
import { presentMilestone } from './milestone-query.ts';

/** A police report is a fact about the criminal case: shown only to viewers who see investigation details. */
const INVESTIGATION_EVENTS: ReadonlySet<string> = new Set(['police-report-filed']);

/**
 * The milestones a viewer who may record them (grant case:record-event) can record on this case, with
 * the labels of the case's profile version, and the milestones recorded so far (newest first).
 */
export async function listCaseMilestones(ctx: Ctx, input: { caseId: string }) {
  return inTransaction(ctx, async (tx) => {
    const { row, visible } = await loadCase(tx, input.caseId, 'record-event');
    const profile = getProfile(row.profile_id, row.profile_version);
    const allowed = milestoneEvents(profile);
    const shown = allowed.map((e) => e.code).filter((code) => visible.has('investigation') || !INVESTIGATION_EVENTS.has(code));
    const recorded = shown.length
      ? await tx.db
          .selectFrom('case_events')
          .leftJoin('users', 'users.id', 'case_events.actor_user_id')
          .select(['case_events.id', 'case_events.event', 'case_events.at', 'users.display_name'])
          .where('case_events.case_id', '=', row.id)
          .where('case_events.event', 'in', shown)
          .orderBy('case_events.seq', 'desc')
          .execute()
      : [];
    await recordAudit(tx, { action: 'case.list-events', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { milestones: recorded.length } });
    return {
      caseStatus: row.status,
      allowed: allowed.map((e) => ({ code: e.code, label: e.label })),
      items: recorded.map((r) => presentMilestone(profile, r)),
    };
  });
}
