import type { Profile } from '../profiles/profile-schema.ts';
import { labelOf } from './identification-rules.ts';

export type MilestoneRow = { id: string; event: string; at: Date; display_name: string | null };

export function presentMilestone(profile: Profile, row: MilestoneRow) {
  return { id: row.id, event: row.event, label: labelOf(profile.events, row.event), at: row.at.toISOString(), recordedByName: row.display_name };
}
