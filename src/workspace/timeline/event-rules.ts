import type { Profile } from '../../profiles/profile-schema.ts';

/** What a timeline entry is about; it decides who may see it. */
export type TimelineCategory = 'case' | 'consent' | 'referral' | 'identification' | 'investigation' | 'clock' | 'note' | 'document';

/** Events that are investigation details (the `investigation` field group decides). */
const INVESTIGATION_EVENTS: ReadonlySet<string> = new Set(['police-report-filed']);

const cache = new WeakMap<Profile, { events: Set<string>; clocks: Set<string> }>();

/**
 * The identification events and clocks of a profile, derived from its stages (not from a list of
 * names, so any jurisdiction's model works): each stage's start event and outcomes, its reviews'
 * request events, and the events that stop the stage's clocks (e.g. "reconsideration-decided"),
 * except events the whole application records (closure, ...).
 */
export function identificationParts(profile: Profile): { events: Set<string>; clocks: Set<string> } {
  const known = cache.get(profile);
  if (known) return known;
  const events = new Set<string>();
  const clocks = new Set<string>();
  for (const stage of profile.identificationStages) {
    events.add(stage.startsOn);
    for (const outcome of stage.outcomes) events.add(outcome.event);
    if (stage.targetClock) clocks.add(stage.targetClock);
    for (const review of stage.reviews) {
      events.add(review.requestedEvent);
      if (review.requestWindowClock) clocks.add(review.requestWindowClock);
      if (review.decisionClock) clocks.add(review.decisionClock);
    }
  }
  for (const clock of profile.clocks) {
    if (!clocks.has(clock.code)) continue;
    for (const event of clock.stopOn) if (event !== 'case-closed') events.add(event);
  }
  const parts = { events, clocks };
  cache.set(profile, parts);
  return parts;
}

/** The category of a case event of this profile. */
export function eventCategory(profile: Profile, event: string): TimelineCategory {
  if (identificationParts(profile).events.has(event)) return 'identification';
  if (event.startsWith('consent-')) return 'consent';
  if (event.startsWith('referral-')) return 'referral';
  if (INVESTIGATION_EVENTS.has(event)) return 'investigation';
  return 'case';
}

type Detail = string | number | boolean | null;

/** Detail keys that are codes, dates or counts: safe for everyone who may see the entry. */
const SAFE_KEYS = new Set(['channel', 'purpose', 'referralType', 'cause', 'from', 'to', 'stage', 'stageCode', 'outcome', 'review', 'reviewCode', 'kind', 'decisionBody', 'late', 'dueAt', 'what']);
/** Detail keys that are free text: only for viewers who may read free text. */
const FREE_TEXT_KEYS = new Set(['reason']);

/**
 * The details of an event as the viewer may see them: a whitelist of code-like keys (anything else an
 * operation stores stays out), free text only for viewers who may read it, and nothing nested.
 */
export function safeDetails(details: unknown, freeText: boolean): Record<string, Detail> {
  const result: Record<string, Detail> = {};
  if (!details || typeof details !== 'object' || Array.isArray(details)) return result;
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    const allowed = SAFE_KEYS.has(key) || (freeText && FREE_TEXT_KEYS.has(key));
    if (!allowed) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) result[key] = value;
  }
  return result;
}
