import crypto from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { personColumns, sealText, type PersonInput } from '../cases/person.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { linkSignalDuplicates } from './find-duplicates.ts';
import { currentProfile } from '../cases/profile-codes.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { profileRef } from '../profiles/load-profile.ts';
import { redeemChallenge } from './proof-of-work.ts';
import type { PublicReportInput } from './signal-input.ts';
import { freeNumber, hashReferenceCode, newReferenceCode, newSignalNumber } from './signal-numbers.ts';

const CONTACT_CHANNEL = { none: 'none', phone: 'phone-call', email: 'email' } as const;

/** A filled-in honeypot: refused with the same answer as a failed check, so bots learn nothing. */
export function refuseHoneypot(website: string): void {
  if (website !== '') throw new DomainError('CHALLENGE_FAILED');
}

/**
 * A self-report or anonymous tip from the public page. No account; abuse resistance by rate limit
 * (at the route), honeypot and proof of work. The answer is the same whether or not anyone in it is
 * already known: a reference code, and nothing else.
 */
export async function submitPublicReport(ctx: Ctx, input: PublicReportInput) {
  refuseHoneypot(input.website);
  const profile = currentProfile(ctx);
  // Redeemed on its own (committed) so that a solved challenge buys exactly one attempt, even a failed one.
  await redeemChallenge(ctx, input.challenge, input.nonce);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = crypto.randomUUID();
    const code = newReferenceCode();
    const ref = profileRef(profile);
    const person: PersonInput = {
      name: input.about?.name,
      estimatedAge: input.about?.age,
      safeContactChannel: input.contact ? CONTACT_CHANNEL[input.contact.channel] : undefined,
      contactDetails: input.contact?.value,
      safetyNotes: input.contact?.safeTimes ? `Safe times: ${input.contact.safeTimes}` : undefined,
    };
    const columns = personColumns(tx.keyring, 'signals', id, person, now);
    const description = [input.message.trim(), input.about?.work ? `Work: ${input.about.work.trim()}` : null].filter(Boolean).join('\n\n');
    await tx.db
      .insertInto('signals')
      .values({
        id,
        number: await freeNumber(tx.db, 'signals', newSignalNumber, now),
        channel: input.kind === 'self-report' ? 'self-report' : 'anonymous-tip',
        acute_danger: input.acuteDanger ?? false,
        minor_involved: columns.presumed_minor,
        profile_id: ref.id,
        profile_version: ref.version,
        submitted_by_user_id: null,
        source_organisation_id: null,
        client_request_id: null,
        reference_code_hash: hashReferenceCode(code),
        language: input.language,
        received_at: now,
        legal_basis: null,
        ...columns,
        description_enc: sealText(tx.keyring, 'signals', 'description_enc', id, description),
        indicators: [],
        forms: [],
        sector: null,
        region: null,
        place: input.about?.place?.trim() || null,
        decision_reason: null,
        decided_at: null,
        decided_by_user_id: null,
        case_id: null,
      })
      .execute();
    await recordAudit(tx, { action: 'signal.submit', resourceType: 'signal', resourceId: id, purpose: 'signal', details: { channel: input.kind, language: input.language } });
    await recordCaseEvent(tx, { signalId: id, event: 'signal-received', details: { channel: input.kind } });
    await linkSignalDuplicates(tx, { id, name_tokens: columns.name_tokens, name_pairs: columns.name_pairs, dob_token: columns.dob_token });
    return { referenceCode: code, receivedAt: now.toISOString() };
  });
}
