import { DomainError } from '../errors/catalogue.ts';
import type { Actor } from './actor.ts';

/**
 * A resource as the permission check sees it: its type, and for a single record the facts that
 * decide record scope. Collections (lists, creation) pass only the type.
 */
export type ResourceRef = {
  type: string;
  /** The user who created / owns the record (scope "own"). */
  ownerUserId?: string | null;
  /** The organisation that holds the record (scope "organisation"). */
  organisationId?: string | null;
  /** Users and organisations the record is assigned or referred to (scope "assigned"). */
  assignedUserIds?: readonly string[];
  assignedOrganisationIds?: readonly string[];
};

const isRecord = (r: ResourceRef) =>
  r.ownerUserId !== undefined || r.organisationId !== undefined || r.assignedUserIds !== undefined || r.assignedOrganisationIds !== undefined;

/**
 * THE permission check, used by every route, CLI command and job. Deny by default: the actor's
 * role must grant (resource, action), and for a single record the role's record scope must cover it.
 */
export function can(actor: Actor, action: string, resource: ResourceRef | string): boolean {
  const ref = typeof resource === 'string' ? { type: resource } : resource;
  if (!(actor.grants.has('*') || actor.grants.has(`${ref.type}:${action}`))) return false;
  if (!isRecord(ref)) return true;
  return inScope(actor, ref);
}

function inScope(actor: Actor, ref: ResourceRef): boolean {
  switch (actor.scope) {
    case 'all':
      return true;
    case 'organisation':
      return (
        (ref.organisationId != null && ref.organisationId === actor.organisationId) ||
        (ref.ownerUserId != null && ref.ownerUserId === actor.userId)
      );
    case 'assigned':
      return (
        (actor.userId != null && (ref.assignedUserIds ?? []).includes(actor.userId)) ||
        (actor.organisationId != null && (ref.assignedOrganisationIds ?? []).includes(actor.organisationId)) ||
        (ref.ownerUserId != null && ref.ownerUserId === actor.userId)
      );
    case 'own':
      return ref.ownerUserId != null && ref.ownerUserId === actor.userId;
  }
}

/**
 * Throws when `can` says no. A denied read of a single record answers NOT_FOUND, exactly as if the
 * record did not exist, so that probing ids reveals nothing; other denials answer FORBIDDEN.
 */
export function assertCan(actor: Actor, action: string, resource: ResourceRef | string): void {
  if (can(actor, action, resource)) return;
  const ref = typeof resource === 'string' ? { type: resource } : resource;
  if (isRecord(ref)) throw new DomainError('NOT_FOUND');
  throw new DomainError('FORBIDDEN', `Your role may not ${action} ${ref.type}.`);
}
