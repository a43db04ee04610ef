import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { personColumns, sealText } from '../cases/person.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { linkSignalDuplicates } from './find-duplicates.ts';
import { CodeCheck, currentProfile } from '../cases/profile-codes.ts';
import { basisProblem } from '../consents/consent-rules.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { profileRef } from '../profiles/load-profile.ts';
import { presentOwnSignal } from './present-signal.ts';
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
    const ref = profileRef(profile);
    const person = personColumns(tx.keyring, 'signals', id, input.person, now);
    const inserted = await tx.db
      .insertInto('signals')
      .values({
        id,
        number: await freeNumber(tx.db, 'signals', newSignalNumber, now),
        channel: 'professional',
        acute_danger: input.acuteDanger,
        minor_involved: input.minorInvolved || person.presumed_minor,
        profile_id: ref.id,
        profile_version: ref.version,
        submitted_by_user_id: tx.actor.userId,
        source_organisation_id: tx.actor.organisationId,
        client_request_id: input.clientRequestId,
        reference_code_hash: null,
        language: null,
        received_at: now,
        legal_basis: input.legalBasis,
        ...person,
        description_enc: sealText(tx.keyring, 'signals', 'description_enc', id, input.description),
        indicators: input.indicators,
        forms: input.forms,
        sector: input.sector ?? null,
        region: input.region ?? null,
        place: input.place?.trim() || null,
        decision_reason: null,
        decided_at: null,
        decided_by_user_id: null,
        case_id: null,
      })
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
    await recordCaseEvent(tx, { signalId: id, event: 'signal-received', details: { channel: 'professional' } });
    await linkSignalDuplicates(tx, { id, name_tokens: person.name_tokens, name_pairs: person.name_pairs, dob_token: person.dob_token });
    return { signal: presentOwnSignal(inserted), created: true };
  });
}
