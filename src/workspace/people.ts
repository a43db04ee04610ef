import type { Actor } from '../access/actor.ts';
import type { Ctx } from '../context.ts';
import { isFocalPoint } from './visibility.ts';

export type Person = { id: string; name: string; organisationId: string; organisationName: string };

/** Names and organisations of the given users, in one query. */
export async function peopleById(db: Ctx['db'], ids: readonly (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.display_name', 'users.organisation_id', 'organisations.name as organisation_name'])
    .where('users.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.display_name, organisationId: r.organisation_id, organisationName: r.organisation_name }]));
}

export type PresentedActor = { name: string | null; organisationName: string | null };

/**
 * Who did something, as far as the viewer may know: organisations are public (the directory lists
 * them); a staff member's name only for the focal point and colleagues of the same organisation,
 * and never for roles without personal data.
 */
export function presentActor(viewer: Actor, person: Person | undefined): PresentedActor | null {
  if (!person) return null;
  const mayName = viewer.seesPersonalData && (isFocalPoint(viewer) || (viewer.organisationId !== null && viewer.organisationId === person.organisationId));
  return { name: mayName ? person.name : null, organisationName: person.organisationName };
}
