import type { Profile } from '../profiles/profile-schema.ts';

/**
 * What the jurisdiction profile says about identification, as pure functions of the profile: the
 * stages, their order (an outcome's `next` opens a later stage), the events each step records, and
 * which events belong to identification (so that no other path can record them).
 */
export type Stage = Profile['identificationStages'][number];
export type StageOutcome = Stage['outcomes'][number];
export type StageReview = Stage['reviews'][number];

export function findStage(profile: Profile, code: string): Stage | undefined {
  return profile.identificationStages.find((s) => s.code === code);
}

/** The earlier stages whose outcomes open `stage` (UK: conclusive grounds after a positive reasonable-grounds decision). */
export function prerequisitesOf(profile: Profile, stage: Stage): { stage: Stage; outcomes: StageOutcome[] }[] {
  return profile.identificationStages
    .map((s) => ({ stage: s, outcomes: s.outcomes.filter((o) => o.next === stage.code) }))
    .filter((p) => p.outcomes.length > 0);
}

/**
 * The event that ends a review: the stop event of the review's decision clock (NL
 * 'reconsideration-decided'), else the event named like the request event with "-decided"; null
 * when the profile has neither.
 */
export function reviewDecidedEvent(profile: Profile, review: StageReview): string | null {
  const events = new Set(profile.events.map((e) => e.code));
  const clock = review.decisionClock ? profile.clocks.find((c) => c.code === review.decisionClock) : undefined;
  const fromClock = clock?.stopOn.find((e) => e !== review.requestedEvent && events.has(e));
  if (fromClock) return fromClock;
  const named = review.requestedEvent.replace(/-requested$/, '-decided');
  return named !== review.requestedEvent && events.has(named) ? named : null;
}

/** Every event that the identification operations record (and only they may record). */
export function identificationEvents(profile: Profile): Set<string> {
  const events = new Set<string>();
  for (const stage of profile.identificationStages) {
    events.add(stage.startsOn);
    for (const outcome of stage.outcomes) events.add(outcome.event);
    for (const review of stage.reviews) {
      events.add(review.requestedEvent);
      const decided = reviewDecidedEvent(profile, review);
      if (decided) events.add(decided);
    }
  }
  return events;
}

/** The label of a code in a coded list of the profile, or null when the profile does not know it. */
export function labelOf(list: readonly { code: string; label: Record<string, string> }[], code: string | null): Record<string, string> | null {
  if (code === null) return null;
  return list.find((item) => item.code === code)?.label ?? null;
}
