import type { Label } from '../../profiles/profile-schema.ts';
import type { PresentedActor } from '../people.ts';
import type { TimelineCategory } from './event-rules.ts';

export type TimelineEntry = {
  /** Unique per entry: "<source>:<row id>" (a document has two entries: added and removed). */
  id: string;
  category: TimelineCategory;
  at: string;
  /** The profile event code, the clock history step (started, warned, ...) or note-added / document-added / document-removed. */
  code: string;
  /** The profile's label of the event or clock; null for notes and documents (the interface labels them). */
  label: Label | null;
  actor: PresentedActor | null;
  /** Who acted when it was not a person: "system" (jobs, command line) or "anonymous" (public intake). */
  actorKind: 'user' | 'system' | 'anonymous';
  subject: { type: string; id: string } | null;
  details: Record<string, string | number | boolean | null>;
  /** Sort key: time, then source, then order within the source. */
  key: string;
};

const RANK = { event: 0, clock: 1, note: 2, document: 3 } as const;

export function sortKey(at: Date, source: keyof typeof RANK, tiebreak: string | number): string {
  const within = typeof tiebreak === 'number' ? String(tiebreak).padStart(15, '0') : tiebreak;
  return `${at.toISOString()}|${RANK[source]}|${within}`;
}

/** "user:<id>" -> the id; the other labels are the system ("job:...", "cli", "seed") or "anonymous". */
export function actorOfLabel(label: string): { userId: string | null; kind: TimelineEntry['actorKind'] } {
  if (label.startsWith('user:')) return { userId: label.slice(5), kind: 'user' };
  return { userId: null, kind: label === 'anonymous' ? 'anonymous' : 'system' };
}
