import type { Selectable } from 'kysely';
import type { Ctx } from '../context.ts';
import type { IdentificationDecisionsTable, IdentificationProceduresTable } from '../db/schema.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import { findStage, prerequisitesOf, type Stage } from './identification-rules.ts';

export type ProcedureRow = Selectable<IdentificationProceduresTable>;
export type DecisionRow = Selectable<IdentificationDecisionsTable>;

/** A case's identification procedures (oldest first) and all their decisions and reviews. */
export async function loadIdentification(ctx: Ctx, caseId: string): Promise<{ procedures: ProcedureRow[]; decisions: DecisionRow[] }> {
  const procedures = await ctx.db.selectFrom('identification_procedures').selectAll().where('case_id', '=', caseId).orderBy('requested_at').orderBy('id').execute();
  // The decision first, then its reviews in the order they were asked for (times can be equal).
  const decisions = await ctx.db
    .selectFrom('identification_decisions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('kind')
    .orderBy('requested_at')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return { procedures, decisions };
}

/** The decided entry that counts for a procedure: its latest decided decision or review. */
export function latestDecided(decisions: readonly DecisionRow[], procedureId: string): DecisionRow | undefined {
  return decisions.filter((d) => d.procedure_id === procedureId && d.status === 'decided').at(-1);
}

export type StageStatus = { stage: string; procedureId: string; outcome: string; decision: DecisionRow };

/**
 * Victim status: per stage, the latest decided outcome of its latest decided procedure (a
 * reconsideration's outcome replaces the decision it reviewed). Criminal-case and residence
 * outcomes are not part of it: they are milestones of their own.
 */
export function victimStatus(profile: Profile, procedures: readonly ProcedureRow[], decisions: readonly DecisionRow[]): StageStatus[] {
  const result: StageStatus[] = [];
  for (const stage of profile.identificationStages) {
    const decided = procedures
      .filter((p) => p.stage_code === stage.code)
      .map((p) => ({ p, d: latestDecided(decisions, p.id) }))
      .filter((x): x is { p: ProcedureRow; d: DecisionRow } => x.d !== undefined)
      .at(-1);
    if (decided) result.push({ stage: stage.code, procedureId: decided.p.id, outcome: decided.d.outcome_code!, decision: decided.d });
  }
  return result;
}

/**
 * Whether a stage may be requested now: not while a procedure of it is open (being decided or
 * reviewed), and a later stage only after an earlier stage's outcome that opens it (UK: conclusive
 * grounds only after a positive reasonable-grounds decision). `null` when it may.
 */
export function whyNotRequestable(profile: Profile, stage: Stage, procedures: readonly ProcedureRow[], decisions: readonly DecisionRow[]): string | null {
  if (procedures.some((p) => p.stage_code === stage.code && p.status === 'open')) return `A ${stage.label.en ?? stage.code} procedure is already open for this case.`;
  const prerequisites = prerequisitesOf(profile, stage);
  if (prerequisites.length === 0) return null;
  const status = victimStatus(profile, procedures, decisions);
  const met = prerequisites.some((pre) => {
    const current = status.find((s) => s.stage === pre.stage.code);
    return current !== undefined && pre.outcomes.some((o) => o.code === current.outcome);
  });
  if (met) return null;
  const needs = prerequisites.map((pre) => `${pre.stage.label.en ?? pre.stage.code}: ${pre.outcomes.map((o) => o.label.en ?? o.code).join(' or ')}`).join('; ');
  return `${stage.label.en ?? stage.code} can start only after this decision: ${needs}.`;
}

export function stageOf(profile: Profile, procedure: ProcedureRow): Stage {
  const stage = findStage(profile, procedure.stage_code);
  if (!stage) throw new Error(`Stage ${procedure.stage_code} is not in profile ${profile.id}@${String(profile.version)}.`);
  return stage;
}
