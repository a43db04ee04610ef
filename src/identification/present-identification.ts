import type { Selectable } from 'kysely';
import { OPEN_CLOCK_STATES } from '../clocks/clock-rules.ts';
import { seesFreeText } from '../cases/field-access.ts';
import { openText } from '../cases/person.ts';
import type { Ctx } from '../context.ts';
import type { CasesTable } from '../db/schema.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import { labelOf, type Stage } from './identification-rules.ts';
import { loadIdentification, stageOf, victimStatus, whyNotRequestable, type DecisionRow, type ProcedureRow } from './procedure-query.ts';

export type ViewOptions = {
  /** Reasons are free text: only for viewers who see personal data (field-access.ts hard rule). */
  showReasons: boolean;
};

type ClockInfo = { id: string; code: string; label: Record<string, string> | null; state: string; dueAt: string; overdue: boolean };

/**
 * A case's identification as a viewer sees it: the profile's stages (with whether each may be
 * requested now), victim status per stage, and every procedure with its decisions and reviews, the
 * clock it waits on and the reviews that may be asked for.
 */
export async function identificationView(ctx: Ctx, row: Selectable<CasesTable>, profile: Profile, opts: ViewOptions) {
  const { procedures, decisions } = await loadIdentification(ctx, row.id);
  const now = ctx.clock.now();
  const clockCodes = new Set<string>();
  for (const stage of profile.identificationStages) {
    if (stage.targetClock) clockCodes.add(stage.targetClock);
    for (const review of stage.reviews) for (const c of [review.requestWindowClock, review.decisionClock]) if (c) clockCodes.add(c);
  }
  const clocks = clockCodes.size
    ? await ctx.db
        .selectFrom('clocks')
        .select(['id', 'code', 'state', 'due_at', 'overdue_at', 'started_at'])
        .where('case_id', '=', row.id)
        .where('code', 'in', [...clockCodes])
        .orderBy('started_at')
        .execute()
    : [];
  const openClock = (code: string | undefined): ClockInfo | null => {
    const c = code ? clocks.filter((x) => x.code === code && (OPEN_CLOCK_STATES as readonly string[]).includes(x.state)).at(-1) : undefined;
    return c ? { id: c.id, code: c.code, label: labelOf(profile.clocks, c.code), state: c.state, dueAt: c.due_at.toISOString(), overdue: c.overdue_at !== null || c.due_at <= now } : null;
  };
  const documentIds = [...new Set(decisions.flatMap((d) => d.document_ids))];
  const documents = documentIds.length
    ? await ctx.db.selectFrom('case_documents').select(['id', 'document_type', 'uploaded_at', 'removed_at']).where('id', 'in', documentIds).execute()
    : [];
  const userIds = [...new Set([...procedures.map((p) => p.requested_by_user_id), ...decisions.map((d) => d.recorded_by_user_id)].filter((x): x is string => x !== null))];
  const orgIds = [...new Set(procedures.map((p) => p.body_organisation_id).filter((x): x is string => x !== null))];
  const users = new Map(userIds.length ? (await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.display_name]) : []);
  const orgs = new Map(orgIds.length ? (await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]) : []);

  const presentDecision = (stage: Stage, d: DecisionRow) => {
    const review = d.review_code ? stage.reviews.find((r) => r.code === d.review_code) : undefined;
    return {
      id: d.id,
      kind: d.kind,
      review: d.review_code ? { code: d.review_code, label: review?.label ?? null, kind: review?.kind ?? null } : null,
      reviewsDecisionId: d.reviews_decision_id,
      status: d.status,
      outcome: d.outcome_code,
      outcomeLabel: labelOf(stage.outcomes, d.outcome_code),
      decisionBody: d.decision_body,
      decisionBodyLabel: labelOf(profile.decisionBodies, d.decision_body),
      decidedOn: d.decided_on,
      requestedAt: d.requested_at?.toISOString() ?? null,
      recordedAt: d.recorded_at.toISOString(),
      recordedByName: d.recorded_by_user_id ? (users.get(d.recorded_by_user_id) ?? null) : null,
      reasons: opts.showReasons ? openText(ctx.keyring, 'identification_decisions', 'reasons_enc', d.id, d.reasons_enc) : null,
      reasonsHidden: !opts.showReasons && d.reasons_enc !== null,
      documents: d.document_ids.map((id) => {
        const doc = documents.find((x) => x.id === id);
        return { id, documentType: doc?.document_type ?? null, uploadedAt: doc?.uploaded_at.toISOString() ?? null, removed: !doc || doc.removed_at !== null };
      }),
    };
  };

  const presentProcedure = (p: ProcedureRow) => {
    const stage = stageOf(profile, p);
    const own = decisions.filter((d) => d.procedure_id === p.id);
    const decision = own.find((d) => d.kind === 'decision');
    const pending = own.find((d) => d.kind === 'review' && d.status === 'requested');
    const pendingReview = pending ? stage.reviews.find((r) => r.code === pending.review_code) : undefined;
    const waitingOn = pending ? openClock(pendingReview?.decisionClock) : p.status === 'open' && !decision ? openClock(stage.targetClock) : null;
    return {
      id: p.id,
      stage: p.stage_code,
      stageLabel: stage.label,
      status: p.status,
      awaiting: pending ? ('review-decision' as const) : p.status === 'open' ? ('decision' as const) : null,
      decisionBody: p.decision_body,
      decisionBodyLabel: labelOf(profile.decisionBodies, p.decision_body),
      bodyOrganisationId: p.body_organisation_id,
      bodyOrganisationName: p.body_organisation_id ? (orgs.get(p.body_organisation_id) ?? null) : null,
      requestedAt: p.requested_at.toISOString(),
      requestedByName: p.requested_by_user_id ? (users.get(p.requested_by_user_id) ?? null) : null,
      closedAt: p.closed_at?.toISOString() ?? null,
      clock: waitingOn,
      decisions: own.map((d) => presentDecision(stage, d)),
      reviews: stage.reviews.map((r) => {
        const window = openClock(r.requestWindowClock);
        const why = !decision
          ? 'The stage has not been decided yet.'
          : pending
            ? 'A review is already pending.'
            : r.requestWindowClock && !window
              ? 'The window to ask for this review is not open.'
              : !r.requestWindowClock && own.some((d) => d.review_code === r.code)
                ? 'This review has already been asked for.'
                : null;
        return { code: r.code, label: r.label, kind: r.kind, available: why === null, unavailableReason: why, windowDueAt: window?.dueAt ?? null };
      }),
    };
  };

  const status = victimStatus(profile, procedures, decisions).map((s) => {
    const stage = profile.identificationStages.find((x) => x.code === s.stage)!;
    const body = profile.decisionBodies.find((b) => b.code === s.decision.decision_body);
    return {
      stage: s.stage,
      stageLabel: stage.label,
      outcome: s.outcome,
      outcomeLabel: labelOf(stage.outcomes, s.outcome),
      htcdsStatus: stage.outcomes.find((o) => o.code === s.outcome)?.htcdsStatus ?? null,
      decidedOn: s.decision.decided_on,
      binding: body?.binding ?? null,
      afterReview: s.decision.kind === 'review' ? { code: s.decision.review_code!, label: labelOf(stage.reviews, s.decision.review_code) } : null,
    };
  });

  return {
    caseId: row.id,
    caseStatus: row.status,
    profile: { id: row.profile_id, version: row.profile_version },
    stages: profile.identificationStages.map((stage) => {
      const blocked = row.status !== 'open' ? 'The case is closed.' : whyNotRequestable(profile, stage, procedures, decisions);
      const body = profile.decisionBodies.find((b) => b.code === stage.decisionBody);
      return {
        code: stage.code,
        label: stage.label,
        decisionBody: { code: stage.decisionBody, label: body?.label ?? null, organisationType: body?.organisationType ?? null, binding: body?.binding ?? null },
        outcomes: stage.outcomes.map((o) => ({ code: o.code, label: o.label })),
        reviews: stage.reviews.map((r) => ({ code: r.code, label: r.label, kind: r.kind })),
        requestable: blocked === null,
        notRequestableReason: blocked,
      };
    }),
    status,
    procedures: procedures.map(presentProcedure),
  };
}

export type IdentificationView = Awaited<ReturnType<typeof identificationView>>;

/** The procedure a write just changed, as its author sees it (within the write's transaction: a
 * deciding body that loses access with its decision still gets the answer to its own write). */
export async function presentWrittenProcedure(ctx: Ctx, row: Selectable<CasesTable>, profile: Profile, procedureId: string) {
  const view = await identificationView(ctx, row, profile, { showReasons: seesFreeText(ctx.actor) });
  return view.procedures.find((p) => p.id === procedureId)!;
}
