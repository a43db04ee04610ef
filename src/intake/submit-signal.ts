import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { CodeCheck, currentProfile } from '../cases/profile-codes.ts';
import { basisProblem } from '../consents/consent-rules.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { presentOwnSignal } from './present-signal.ts';
import { afterSignalRecorded, reportedSignalRow } from './signal-row.ts';
import type { ProfessionalSignalInput } from './signal-input.ts';
import { freeNumber, newSignalNumber } from './signal-numbers.ts';

/**
 * A first responder's signal. Idempotent per (submitter, clientRequestId): a double click or a
 * retried request returns the signal that already exists instead of creating a second one.
 */
export async function submitSignal(ctx: Ctx, input: ProfessionalSignalInput): Promise<{ signal: ReturnType<typeof presentOwnSignal>; created: boolean }> {
  assertCan(ctx.actor, 'submit', 'signal');
  const profile = currentProfile(ctx);
  const check = new CodeCheck(profile);
  check.indicators('body.indicators', input.indicators);
  check.forms('body.forms', input.forms);
  check.sector('body.sector', input.sector);
  check.region('body.region', input.region);
  if (input.legalBasis === 'consent' && input.consentConfirmed !== true) {
    check.add('body.consentConfirmed', 'Confirm that the person consented to sharing this signal, or choose the statutory duty.');
  }
  if (input.legalBasis === 'statutory-task') {
    const problem = basisProblem(profile, 'registration', 'statutory-task', {
      sourceOrganisationType: ctx.actor.organisationType,
      recorderOrganisationType: ctx.actor.organisationType,
      presumedMinor: false,
    });
    if (problem) check.add('body.legalBasis', `${problem} Ask the person for consent instead.`);
  }
  check.throwProblems();

  const existing = () =>
    ctx.db
      .selectFrom('signals')
      .select(['id', 'number', 'channel', 'received_at', 'status'])
      .where('submitted_by_user_id', '=', ctx.actor.userId)
      .where('client_request_id', '=', input.clientRequestId)
      .executeTakeFirst();
  const before = await existing();
  if (before) return { signal: presentOwnSignal(before), created: false };

  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = crypto.randomUUID();
    const row = reportedSignalRow(tx, profile, id, await freeNumber(tx.db, 'signals', newSignalNumber, now), now, {
      channel: 'professional',
      legalBasis: input.legalBasis,
      clientRequestId: input.clientRequestId,
      language: null,
      person: input.person,
      description: input.description,
      acuteDanger: input.acuteDanger,
      minorInvolved: input.minorInvolved,
      indicators: input.indicators,
      forms: input.forms,
      sector: input.sector,
      region: input.region,
      place: input.place,
    });
    const inserted = await tx.db
      .insertInto('signals')
      .values(row)
      .onConflict((oc) => oc.columns(['submitted_by_user_id', 'client_request_id']).where('client_request_id', 'is not', null).doNothing())
      .returning(['id', 'number', 'channel', 'received_at', 'status'])
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent duplicate won the race: answer with that one.
      const row = await tx.db
        .selectFrom('signals')
        .select(['id', 'number', 'channel', 'received_at', 'status'])
        .where('submitted_by_user_id', '=', tx.actor.userId)
        .where('client_request_id', '=', input.clientRequestId)
        .executeTakeFirstOrThrow();
      return { signal: presentOwnSignal(row), created: false };
    }
    await recordAudit(tx, {
      action: 'signal.submit',
      resourceType: 'signal',
      resourceId: id,
      purpose: 'signal',
      details: { channel: 'professional', acuteDanger: input.acuteDanger, minorInvolved: input.minorInvolved, legalBasis: input.legalBasis },
    });
    await afterSignalRecorded(tx, row);
    return { signal: presentOwnSignal(inserted), created: true };
  });
}
