import { addDuration } from '../profiles/calendar.ts';
import { getProfile } from '../profiles/load-profile.ts';
import type { Profile } from '../profiles/profile-schema.ts';

/**
 * What the retention job knows how to do, per record type of a profile's `retention` rules.
 * A rule with another record type or action is reported as skipped, never guessed at.
 * - signal / delete: a signal that never became part of a case, with its additions, events, clocks.
 * - case / anonymise: the case keeps what statistics need, nothing else (docs/data-subject-rights.md);
 *   it implies every other case-level action below, whatever their own periods say.
 * - identity / delete: names, aliases, date of birth, contact, safety notes, blind indexes, the
 *   identity reported in its signals and the correction history.
 * - note / delete, document / delete: the rows, and for documents the stored files.
 * - consent-record / anonymise, referral / anonymise: free text removed, dates coarsened.
 */
export const SUPPORTED = {
  signal: 'delete',
  case: 'anonymise',
  identity: 'delete',
  note: 'delete',
  document: 'delete',
  'consent-record': 'anonymise',
  referral: 'anonymise',
} as const;

export type RecordType = keyof typeof SUPPORTED;
export type RetentionAction = 'delete' | 'anonymise';
export type CaseRecordType = Exclude<RecordType, 'signal'>;
/** The order in which a case's actions run and are reported. */
export const CASE_RECORD_TYPES: readonly CaseRecordType[] = ['note', 'document', 'identity', 'consent-record', 'referral', 'case'];

export type SkippedRule = { profile: string; recordType: string; action: string; why: string };

export const profileKey = (p: { profile_id: string; profile_version: string }) => `${p.profile_id}@${p.profile_version}`;

/** The profile version a record is governed by, or null (reported as skipped) when it is not shipped. */
export function profileOf(p: { profile_id: string; profile_version: string }): Profile | null {
  try {
    return getProfile(p.profile_id, p.profile_version);
  } catch {
    return null;
  }
}

/** The supported rules of a profile version, and the ones it has that we do not act on. */
export function rulesOf(profile: Profile) {
  const supported: { recordType: RecordType; startsOn: string; period: Profile['retention'][number]['period'] }[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of profile.retention) {
    const known = (SUPPORTED as Record<string, string>)[rule.recordType];
    if (known === rule.action) supported.push({ recordType: rule.recordType as RecordType, startsOn: rule.startsOn, period: rule.period });
    else
      skipped.push({
        profile: `${profile.id}@${String(profile.version)}`,
        recordType: rule.recordType,
        action: rule.action,
        why: known ? `only "${known}" is supported for "${rule.recordType}"` : `record type "${rule.recordType}" is not known to the retention job`,
      });
  }
  return { supported, skipped };
}

/**
 * The record types of one case or signal whose period has ended: a rule is due when its start
 * event happened (its latest occurrence) and start + period (in the profile's calendar) is not
 * after `now`.
 */
export function dueRecordTypes(profile: Profile, startTimes: ReadonlyMap<string, Date>, now: Date, kinds: readonly RecordType[]): Set<RecordType> {
  const due = new Set<RecordType>();
  for (const rule of rulesOf(profile).supported) {
    if (!kinds.includes(rule.recordType)) continue;
    const start = startTimes.get(rule.startsOn);
    if (start && addDuration(start, rule.period, profile).getTime() <= now.getTime()) due.add(rule.recordType);
  }
  return due;
}
