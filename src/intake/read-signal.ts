import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { openJson, openText, type Identity, type PersonInput } from '../cases/person.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { notFound } from '../errors/catalogue.ts';
import { findDuplicates } from './find-duplicates.ts';

const DECISION_OF_STATUS = { registered: 'register', merged: 'merge', 'advice-only': 'advice-only', 'no-indication': 'no-indication', open: 'open' } as const;

/** A signal in full for the registrar who triages it (audited as a read of personal data). */
export async function readSignal(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'read', 'signal');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('signals')
      .leftJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
      .leftJoin('users as submitter', 'submitter.id', 'signals.submitted_by_user_id')
      .leftJoin('users as decider', 'decider.id', 'signals.decided_by_user_id')
      .leftJoin('cases', 'cases.id', 'signals.case_id')
      .selectAll('signals')
      .select([
        'organisations.name as source_organisation_name', 'organisations.type as source_organisation_type', 'submitter.display_name as submitted_by_name',
        'decider.display_name as decided_by_name', 'cases.case_number',
      ])
      .where('signals.id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound();
    const additions = await tx.db.selectFrom('signal_additions').select(['id', 'received_at', 'text_enc']).where('signal_id', '=', row.id).orderBy('received_at').execute();
    const possibleDuplicates = row.status === 'open' ? await findDuplicates(tx, row) : [];
    await recordAudit(tx, { action: 'signal.read', resourceType: 'signal', resourceId: row.id, purpose: 'triage' });
    const identity = openJson<Identity & PersonInput>(tx.keyring, 'signals', 'person_enc', row.id, row.person_enc);
    return {
      id: row.id,
      number: row.number,
      channel: row.channel,
      receivedAt: row.received_at.toISOString(),
      status: row.status,
      acuteDanger: row.acute_danger,
      minorInvolved: row.minor_involved,
      presumedMinor: row.presumed_minor,
      estimatedAge: row.estimated_age,
      forms: row.forms,
      region: row.region,
      sourceOrganisationName: row.source_organisation_name,
      sourceOrganisationType: row.source_organisation_type,
      submittedByName: row.submitted_by_name,
      language: row.language,
      profile: { id: row.profile_id, version: row.profile_version },
      person: identity
        ? {
            ...identity,
            estimatedAge: identity.estimatedAge ?? null,
            presumedMinor: identity.presumedMinor ?? null,
            sex: identity.sex ?? null,
            citizenships: identity.citizenships ?? [],
            languages: identity.languages ?? [],
            interpreterNeeded: identity.interpreterNeeded ?? null,
          }
        : null,
      indicators: row.indicators,
      description: openText(tx.keyring, 'signals', 'description_enc', row.id, row.description_enc),
      place: row.place,
      sector: row.sector,
      legalBasis: row.legal_basis,
      // Online outreach: the contact this signal was handed over from (an id only; the contact itself
      // is readable by outreach roles alone).
      outreachContactId: row.outreach_contact_id,
      additions: additions.map((a) => ({ receivedAt: a.received_at.toISOString(), text: openText(tx.keyring, 'signal_additions', 'text_enc', a.id, a.text_enc) ?? '' })),
      possibleDuplicates,
      decision:
        row.status === 'open'
          ? null
          : {
              decision: DECISION_OF_STATUS[row.status],
              reason: row.decision_reason,
              decidedAt: row.decided_at?.toISOString() ?? null,
              decidedByName: row.decided_by_name,
              caseId: row.case_id,
              caseNumber: row.case_number,
            },
    };
  });
}
