import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { CodeCheck } from '../cases/profile-codes.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import type { ConsentInput } from '../intake/signal-input.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { presentConsent, selectConsents } from './consent-query.ts';
import { validateConsents } from './validate-consents.ts';

/** Adds a consent or other legal basis for one purpose to a case's ledger. */
export async function recordConsent(ctx: Ctx, input: { caseId: string } & ConsentInput) {
  assertCan(ctx.actor, 'record', 'consent');
  return inTransaction(ctx, async (tx) => {
    const { row, visible } = await loadCase(tx, input.caseId, 'read', { forUpdate: true });
    if (!visible.has('consents')) throw new DomainError('FORBIDDEN', 'Your access to this case does not include its consents.');
    const profile = getProfile(row.profile_id, row.profile_version);
    const check = new CodeCheck(profile);
    check.purpose('body.purpose', input.purpose);
    const source = row.source_organisation_id
      ? await tx.db.selectFrom('organisations').select('type').where('id', '=', row.source_organisation_id).executeTakeFirst()
      : undefined;
    await validateConsents(tx, check, [input], {
      sourceOrganisationType: source?.type ?? null,
      recorderOrganisationType: tx.actor.organisationType,
      presumedMinor: row.presumed_minor,
    }, (_i, name) => `body.${name}`);
    check.throwProblems();
    const { id } = await tx.db
      .insertInto('consents')
      .values({
        case_id: row.id,
        purpose: input.purpose,
        legal_basis: input.legalBasis,
        organisation_id: input.organisationId ?? null,
        given_on: input.givenOn,
        note: input.note?.trim() || null,
        recorded_at: tx.clock.now(),
        recorded_by_user_id: tx.actor.userId,
        withdrawn_at: null,
        withdrawn_by_user_id: null,
        withdrawal_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'consent.record',
      resourceType: 'consent',
      resourceId: id,
      purpose: 'consent',
      details: { caseId: row.id, purpose: input.purpose, legalBasis: input.legalBasis, organisationId: input.organisationId ?? null },
    });
    await recordCaseEvent(tx, { caseId: row.id, subject: { type: 'consent', id }, event: 'consent-recorded', details: { purpose: input.purpose } });
    return presentConsent(await selectConsents(tx.db).where('consents.id', '=', id).executeTakeFirstOrThrow());
  });
}
