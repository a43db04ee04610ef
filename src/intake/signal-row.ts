/**
 * The row of a signal reported by someone signed in (a professional's form, an outreach worker's
 * handover): one builder, so both are written the same way, and the steps every new signal takes
 * after its row is written (its profile event with clocks, and possible duplicates).
 */
import type { Insertable } from 'kysely';
import { personColumns, sealText, type PersonInput } from '../cases/person.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import type { Ctx } from '../context.ts';
import type { SignalsTable } from '../db/schema.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import { profileRef } from '../profiles/load-profile.ts';
import { linkSignalDuplicates } from './find-duplicates.ts';

export type SignalFacts = {
  channel: 'professional' | 'outreach';
  legalBasis: 'statutory-task' | 'consent';
  clientRequestId: string | null;
  language: string | null;
  person: PersonInput;
  description: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  indicators: string[];
  forms: string[];
  sector?: string | undefined;
  region?: string | undefined;
  place?: string | undefined;
  outreachContactId?: string | null;
};

export function reportedSignalRow(tx: Ctx, profile: Profile, id: string, number: string, now: Date, f: SignalFacts): Insertable<SignalsTable> {
  const ref = profileRef(profile);
  const person = personColumns(tx.keyring, 'signals', id, f.person, now);
  return {
    id,
    number,
    channel: f.channel,
    acute_danger: f.acuteDanger,
    minor_involved: f.minorInvolved || person.presumed_minor,
    profile_id: ref.id,
    profile_version: ref.version,
    submitted_by_user_id: tx.actor.userId,
    source_organisation_id: tx.actor.organisationId,
    client_request_id: f.clientRequestId,
    reference_code_hash: null,
    language: f.language,
    received_at: now,
    legal_basis: f.legalBasis,
    ...person,
    description_enc: sealText(tx.keyring, 'signals', 'description_enc', id, f.description),
    indicators: f.indicators,
    forms: f.forms,
    sector: f.sector ?? null,
    region: f.region ?? null,
    place: f.place?.trim() || null,
    decision_reason: null,
    decided_at: null,
    decided_by_user_id: null,
    case_id: null,
    ...(f.outreachContactId ? { outreach_contact_id: f.outreachContactId } : {}),
  };
}

/** What follows every new signal's row: the profile's `signal-received` event (and its clocks), and duplicates. */
export async function afterSignalRecorded(tx: Ctx, row: Insertable<SignalsTable>): Promise<void> {
  await recordCaseEvent(tx, { signalId: row.id!, event: 'signal-received', details: { channel: row.channel } });
  await linkSignalDuplicates(tx, { id: row.id!, name_tokens: row.name_tokens as string[], name_pairs: row.name_pairs as string[], dob_token: row.dob_token ?? null });
}
