import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { registerCase } from '../cases/register-case.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { signalDecisionEvent } from '../clocks/signal-events.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { linkCaseToOpenSignals } from './find-duplicates.ts';
import { readSignal } from './read-signal.ts';
import type { SignalDecisionInput } from './signal-input.ts';

const STATUS = { register: 'registered', 'advice-only': 'advice-only', 'no-indication': 'no-indication', merge: 'merged' } as const;

/**
 * The registrar's triage decision on a signal. The signal row is locked, so of two simultaneous
 * decisions (a double click, two registrars) exactly one wins and the other gets CONFLICT.
 */
export async function decideSignal(ctx: Ctx, input: { id: string } & SignalDecisionInput) {
  assertCan(ctx.actor, 'triage', 'signal');
  if ((input.decision === 'advice-only' || input.decision === 'no-indication') && !input.reason.trim()) {
    throw invalid('body.reason', 'Give the reason for this decision.');
  }
  await inTransaction(ctx, async (tx) => {
    const signal = await tx.db
      .selectFrom('signals')
      .leftJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
      .selectAll('signals')
      .select('organisations.type as source_organisation_type')
      .where('signals.id', '=', input.id)
      .forUpdate('signals')
      .executeTakeFirst();
    if (!signal) throw notFound();
    if (signal.status !== 'open') throw conflict(`This signal has already been decided (${signal.status}).`);
    const now = tx.clock.now();
    let caseId: string | null = null;
    let reason: string | null = null;
    if (input.decision === 'register') {
      caseId = (await registerCase(tx, signal, getProfile(signal.profile_id, signal.profile_version), input.registration)).id;
    } else if (input.decision === 'merge') {
      const target = await loadCase(tx, input.caseId, 'update', { forUpdate: true });
      caseId = target.row.id;
      reason = input.reason?.trim() || null;
      // The merged signal's name words become searchable on the case.
      const merge = (a: string[], b: string[]) => [...new Set([...a, ...b])];
      await tx.db
        .updateTable('cases')
        .set({ name_tokens: merge(target.row.name_tokens, signal.name_tokens), name_pairs: merge(target.row.name_pairs, signal.name_pairs), updated_at: now })
        .where('id', '=', caseId)
        .execute();
      await linkCaseToOpenSignals(tx, {
        id: caseId,
        name_tokens: merge(target.row.name_tokens, signal.name_tokens),
        name_pairs: merge(target.row.name_pairs, signal.name_pairs),
        dob_token: target.row.dob_token,
      });
    } else {
      reason = input.reason.trim();
    }
    await tx.db
      .updateTable('signals')
      .set({ status: STATUS[input.decision], case_id: caseId, decision_reason: reason, decided_at: now, decided_by_user_id: tx.actor.userId })
      .where('id', '=', signal.id)
      .execute();
    await recordAudit(tx, {
      action: `signal.${input.decision}`,
      resourceType: 'signal',
      resourceId: signal.id,
      purpose: 'triage',
      details: { decision: input.decision, caseId },
    });
    await recordCaseEvent(tx, { caseId, signalId: signal.id, event: signalDecisionEvent(signal, input.decision) });
  });
  return readSignal(ctx, { id: input.id });
}
