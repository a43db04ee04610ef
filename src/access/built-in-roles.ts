import type { RecordScope } from './actor.ts';

/**
 * The roles Baken ships with. Roles are data: this list only seeds the `roles` and `role_grants`
 * tables (migration 0002); administrators can change grants afterwards, and later capabilities add
 * their own grants in their own migrations. Deny by default: a role has exactly what is listed.
 */
export type BuiltInRole = {
  id: string;
  name: string;
  scope: RecordScope;
  seesPersonalData: boolean;
  grants: string[]; // "resource:action"
};

export const BUILT_IN_ROLES: BuiltInRole[] = [
  { id: 'first-responder', name: 'First responder', scope: 'own', seesPersonalData: true, grants: [] },
  { id: 'registrar', name: 'Registrar', scope: 'all', seesPersonalData: true, grants: ['organisation:list'] },
  { id: 'care-coordinator', name: 'Care coordinator', scope: 'assigned', seesPersonalData: true, grants: ['organisation:list'] },
  { id: 'service-provider', name: 'Service provider', scope: 'assigned', seesPersonalData: true, grants: [] },
  { id: 'identification-body-member', name: 'Identification body member', scope: 'assigned', seesPersonalData: true, grants: [] },
  { id: 'outreach-worker', name: 'Outreach worker', scope: 'organisation', seesPersonalData: true, grants: [] },
  { id: 'statistics-analyst', name: 'Statistics analyst', scope: 'all', seesPersonalData: false, grants: [] },
  {
    id: 'administrator',
    name: 'Administrator',
    scope: 'all',
    seesPersonalData: true,
    grants: [
      'organisation:list', 'organisation:read', 'organisation:create', 'organisation:update',
      'user:list', 'user:read', 'user:create', 'user:update',
      'role:list', 'role:read', 'role:create', 'role:update',
      'audit:list',
      'job:list',
    ],
  },
];
