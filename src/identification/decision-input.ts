import { CodeCheck } from '../cases/profile-codes.ts';
import type { Ctx } from '../context.ts';
import { localDate } from '../profiles/calendar.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import type { StageOutcome } from './identification-rules.ts';

/** What a decision or a review decision says: the same fields for both. */
export type DecisionInput = {
  outcome: string;
  /** The decision body's code; defaults to the body the profile names for the stage or review. */
  decisionBody?: string;
  decidedOn: string;
  reasons: string;
  /** Ids of documents of the same case (case_documents) the decision relies on. */
  documentIds?: string[];
};

export const REASONS_MAX = 10_000;

/**
 * Checks a decision against the profile and the case and lists every problem at once: the outcome
 * must be one of the stage's, the body the one the profile names, the date not in the future (in the
 * profile's time zone) nor before the request, reasons given, and every document one of this case's
 * (not removed).
 */
export async function checkDecisionInput(
  ctx: Ctx,
  profile: Profile,
  opts: { caseId: string; outcomes: readonly StageOutcome[]; body: string; notBefore: Date },
  input: DecisionInput,
): Promise<{ outcome: StageOutcome; body: string; reasons: string; documentIds: string[] }> {
  const check = new CodeCheck(profile);
  const outcome = opts.outcomes.find((o) => o.code === input.outcome);
  if (!outcome) check.add('body.outcome', `"${input.outcome}" is not an outcome of this stage; choose one of: ${opts.outcomes.map((o) => o.code).join(', ')}.`);
  const body = input.decisionBody ?? opts.body;
  if (body !== opts.body) check.add('body.decisionBody', `The profile names "${opts.body}" as the deciding body here, not "${body}".`);
  const today = localDate(ctx.clock.now(), profile);
  const requested = localDate(opts.notBefore, profile);
  if (input.decidedOn > today) check.add('body.decidedOn', `The decision date may not be in the future (today is ${today}).`);
  else if (input.decidedOn < requested) check.add('body.decidedOn', `The decision date may not be before the request (${requested}).`);
  const reasons = input.reasons.trim();
  if (!reasons) check.add('body.reasons', 'Give the reasons for the decision.');
  else if (reasons.length > REASONS_MAX) check.add('body.reasons', `At most ${REASONS_MAX} characters.`);
  const documentIds = [...new Set(input.documentIds ?? [])];
  if (documentIds.length) {
    const found = await ctx.db
      .selectFrom('case_documents')
      .select('id')
      .where('id', 'in', documentIds)
      .where('case_id', '=', opts.caseId)
      .where('removed_at', 'is', null)
      .execute();
    const known = new Set(found.map((d) => d.id));
    (input.documentIds ?? []).forEach((id, i) => {
      if (!known.has(id)) check.add(`body.documentIds.${i}`, 'No such document in this case (or it was removed).');
    });
  }
  check.throwProblems();
  return { outcome: outcome!, body, reasons, documentIds };
}
