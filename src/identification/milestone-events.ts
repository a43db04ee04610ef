import type { Profile } from '../profiles/profile-schema.ts';
import { identificationEvents } from './identification-rules.ts';

/**
 * Events that other operations record as part of their own change (intake, registration, consents,
 * referrals, closure). Recording one of them by hand would put a false fact on the timeline and move
 * clocks without the change that justifies it, so the milestone path refuses them.
 */
export const EVENTS_OF_OTHER_OPERATIONS: ReadonlySet<string> = new Set([
  'signal-received', 'signal-dismissed', 'signal-merged', 'information-advice-given', 'registered',
  'dossier-type-changed', 'consent-recorded', 'consent-withdrawn',
  'referral-requested', 'referral-accepted', 'referral-declined', 'referral-completed', 'referral-revoked',
  'case-closed', 'case-reopened',
]);

/**
 * The profile events a registrar or care coordinator records as case milestones (shelter placed,
 * reflection period granted, police report filed, residence decision, contact lost, ...): every
 * event of the profile that no other operation produces, in the profile's order. Residence and
 * criminal-case outcomes are milestones of their own and never touch victim status.
 */
export function milestoneEvents(profile: Profile): Profile['events'] {
  const owned = identificationEvents(profile);
  return profile.events.filter((e) => !EVENTS_OF_OTHER_OPERATIONS.has(e.code) && !owned.has(e.code));
}
