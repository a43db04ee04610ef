import { can } from '../../access/can.ts';
import { loadActor } from '../../access/load-actor.ts';
import type { Ctx } from '../../context.ts';

export type CaseFacts = { id: string; registeredByUserId: string | null; activeReferralOrganisationIds: string[] };

/** Whether a user (as an actor) could open this case: the same check as loadCase. */
export function actorMayOpen(actor: Parameters<typeof can>[0], facts: CaseFacts): boolean {
  return can(actor, 'read', { type: 'case', ownerUserId: facts.registeredByUserId, organisationId: null, assignedOrganisationIds: facts.activeReferralOrganisationIds });
}

/** Roles that can see tasks at all (task:list): only they are worth assigning to. */
export async function rolesThatSeeTasks(db: Ctx['db']) {
  return db
    .selectFrom('roles')
    .innerJoin('role_grants', 'role_grants.role_id', 'roles.id')
    .select(['roles.id', 'roles.name', 'roles.scope'])
    .where('role_grants.resource', '=', 'task')
    .where('role_grants.action', '=', 'list')
    .orderBy('roles.name')
    .execute();
}

/**
 * People a task for this case can go to: active users whose role sees tasks and who may open the
 * case (checked per person with their own actor, exactly as loadCase would).
 */
export async function peopleForCase(db: Ctx['db'], facts: CaseFacts) {
  const roles = await rolesThatSeeTasks(db);
  if (roles.length === 0) return [];
  const candidates = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.display_name', 'organisations.name as organisation_name', 'users.organisation_id', 'roles.id as role_id', 'roles.name as role_name', 'roles.scope'])
    .where('users.disabled_at', 'is', null)
    .where('organisations.active', '=', true)
    .where('users.role_id', 'in', roles.map((r) => r.id))
    .where((eb) => eb.or([eb('roles.scope', '=', 'all'), eb('users.organisation_id', 'in', facts.activeReferralOrganisationIds.length ? facts.activeReferralOrganisationIds : ['00000000-0000-0000-0000-000000000000'])]))
    .orderBy('users.display_name')
    .limit(500)
    .execute();
  const people = [];
  for (const c of candidates) {
    const actor = await loadActor(db, c.id);
    if (actor && actorMayOpen(actor, facts)) people.push(c);
  }
  return people;
}
