import type { Session } from '../api/types.ts';

/**
 * The areas of the application, each opened by one grant. Later capabilities (intake, cases,
 * referrals, outreach, statistics) add their entries here; navigation and the home page derive
 * from this list, so a user only ever sees what their role allows.
 */
export type Area = {
  id: string;
  path: '/admin/organisations' | '/admin/users' | '/admin/roles' | '/admin/audit' | '/admin/jobs';
  grant: string;
  group: 'admin';
};

export const AREAS: Area[] = [
  { id: 'organisations', path: '/admin/organisations', grant: 'organisation:list', group: 'admin' },
  { id: 'users', path: '/admin/users', grant: 'user:list', group: 'admin' },
  { id: 'roles', path: '/admin/roles', grant: 'role:list', group: 'admin' },
  { id: 'audit', path: '/admin/audit', grant: 'audit:list', group: 'admin' },
  { id: 'jobs', path: '/admin/jobs', grant: 'job:list', group: 'admin' },
];

export function areasFor(session: Session | null): Area[] {
  if (!session) return [];
  const grants = new Set(session.user.grants);
  return AREAS.filter((area) => grants.has(area.grant));
}
