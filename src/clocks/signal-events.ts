import { getProfile } from '../profiles/load-profile.ts';

const DECISION_EVENTS = {
  register: ['registered'],
  merge: ['signal-merged'],
  // A profile without an "information and advice" event records it as a dismissed signal.
  'advice-only': ['information-advice-given', 'signal-dismissed'],
  'no-indication': ['signal-dismissed'],
} as const;

/** The profile event a triage decision records (and that stops the signal's triage clock). */
export function signalDecisionEvent(signal: { profile_id: string; profile_version: string }, decision: keyof typeof DECISION_EVENTS): string {
  const events = new Set(getProfile(signal.profile_id, signal.profile_version).events.map((e) => e.code));
  const candidates: readonly string[] = DECISION_EVENTS[decision];
  return candidates.find((e) => events.has(e)) ?? candidates[0]!;
}
