import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { Visibility } from '../db/schema.ts';
import { seesFreeText } from '../cases/field-access.ts';

/** The visibility levels of notes and documents, narrowest last. */
export const VISIBILITIES = ['organisation', 'involved', 'registrar'] as const satisfies readonly Visibility[];

/**
 * The focal point (registrar): an actor whose role sees every case (record scope "all") AND may read
 * identities (`case:read-identity`) AND sees personal data. Statistics analysts also have scope
 * "all", but no identity grant and no personal data, so they are never the focal point.
 */
export function isFocalPoint(actor: Actor): boolean {
  return actor.scope === 'all' && actor.seesPersonalData && can(actor, 'read-identity', 'case');
}

/** Who wrote a note or uploaded a document. */
export type Authored = { visibility: Visibility; authorUserId: string | null; authorOrganisationId: string | null };

/**
 * Whether a viewer who may already open the case (loadCase passed) may see a note or document:
 * - `organisation`: users of the author's organisation only (not even the registrar otherwise);
 * - `involved`: everyone who may open the case;
 * - `registrar`: the focal point only (see isFocalPoint).
 * The author always sees what they wrote themselves: they know it anyway, and a shelter worker who
 * writes to the focal point must be able to see what was sent.
 * Free text is a separate, harder rule: roles without personal data never get bodies or file names.
 */
export function maySee(actor: Actor, item: Authored): boolean {
  if (item.authorUserId !== null && item.authorUserId === actor.userId) return true;
  switch (item.visibility) {
    case 'organisation':
      return actor.organisationId !== null && actor.organisationId === item.authorOrganisationId;
    case 'involved':
      return true;
    case 'registrar':
      return isFocalPoint(actor);
  }
}

/** Free text (note bodies, file names, reasons) is only for viewers who see personal data. */
export const mayReadFreeText = (actor: Actor) => seesFreeText(actor);
