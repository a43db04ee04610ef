import { activeConsents } from '../consents/consent-gate.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import type { Profile } from '../profiles/profile-schema.ts';

/**
 * The profile's `requiredBefore` rule: some events may be recorded only while a purpose has an active
 * consent or legal basis (UK: an NRM referral needs the adult's consent; a duty-to-notify report
 * needs the statutory basis). Throws CONSENT_REQUIRED naming the missing purposes.
 */
export async function assertEventAllowedByConsents(ctx: Ctx, profile: Profile, caseId: string, event: string, field: string): Promise<void> {
  const purposes = profile.consentPurposes.filter((p) => p.requiredBefore.includes(event)).map((p) => p.code);
  if (purposes.length === 0) return;
  const active = new Set((await activeConsents(ctx, caseId)).map((c) => c.purpose));
  const missing = purposes.filter((p) => !active.has(p));
  if (missing.length === 0) return;
  throw new DomainError('CONSENT_REQUIRED', `"${event}" needs an active consent or legal basis for: ${missing.join(', ')}.`, [
    { field, problem: `Record a consent or legal basis for ${missing.join(', ')} first.` },
  ]);
}
