import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import { ACCESS_PROFILES, isAccessProfile } from '../referrals/access-profiles.ts';
import { FIELD_GROUPS, type FieldGroup } from './field-groups.ts';

/** Organisation types that provide services; they never see investigation details. */
export const SERVICE_PROVIDER_TYPES: ReadonlySet<string> = new Set([
  'shelter', 'care-coordination', 'legal-aid', 'health', 'guardian', 'outreach', 'municipality', 'ngo',
]);

/**
 * Field-level rules, on top of the role's grants and record scope. Hard rules that no grant can
 * lift: roles that do not see personal data (statistics) never get identity, free text or
 * investigation details; service-provider organisations never get investigation details.
 * `referralProfiles` are the access profiles of the active referrals through which a viewer with
 * a narrower scope than "all" sees the case: the result is the intersection with their union.
 */
export function visibleFieldGroups(actor: Actor, referralProfiles: readonly string[] | null): Set<FieldGroup> {
  const visible = new Set<FieldGroup>(FIELD_GROUPS);
  if (!actor.seesPersonalData || !can(actor, 'read-identity', 'case')) visible.delete('identity');
  if (!actor.seesPersonalData || !can(actor, 'read-investigation', 'case') || SERVICE_PROVIDER_TYPES.has(actor.organisationType ?? '')) {
    visible.delete('investigation');
  }
  if (!can(actor, 'list', 'consent')) visible.delete('consents');
  if (!can(actor, 'list', 'referral')) visible.delete('referrals');
  if (actor.scope !== 'all' && referralProfiles !== null) {
    const allowed = new Set<string>(referralProfiles.flatMap((p) => (isAccessProfile(p) ? ACCESS_PROFILES[p].fieldGroups : [])));
    for (const group of visible) if (!allowed.has(group)) visible.delete(group);
  }
  return visible;
}

/** Free text (descriptions) can hold names and details: only for viewers who see personal data. */
export const seesFreeText = (actor: Actor) => actor.seesPersonalData;
