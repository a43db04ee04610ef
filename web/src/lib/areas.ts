import type { Session } from '../api/types.ts';

/**
 * The areas of the application, each opened by one grant. Later capabilities (intake, cases,
 * referrals, outreach, statistics) add their entries here; navigation and the home page derive
 * from this list, so a user only ever sees what their role allows.
 */
export type Area = {
  id: string;
  path:
    | '/signals/new'
    | '/signals/mine'
    | '/triage'
    | '/cases'
    | '/referrals'
    | '/deadlines'
    | '/tasks'
    | '/retention'
    | '/outreach'
    | '/outreach/today'
    | '/outreach/contacts'
    | '/outreach/templates'
    | '/outreach/import'
    | '/outreach/sources'
    | '/outreach/funnel'
    | '/admin/organisations'
    | '/admin/users'
    | '/admin/roles'
    | '/admin/audit'
    | '/admin/jobs';
  grant: string;
  group: 'nrm' | 'outreach' | 'admin';
};

export const AREAS: Area[] = [
  { id: 'newSignal', path: '/signals/new', grant: 'signal:submit', group: 'nrm' },
  { id: 'mySignals', path: '/signals/mine', grant: 'signal:list-own', group: 'nrm' },
  { id: 'triage', path: '/triage', grant: 'signal:triage', group: 'nrm' },
  { id: 'cases', path: '/cases', grant: 'case:list', group: 'nrm' },
  { id: 'referrals', path: '/referrals', grant: 'referral:list', group: 'nrm' },
  { id: 'deadlines', path: '/deadlines', grant: 'clock:list', group: 'nrm' },
  { id: 'tasks', path: '/tasks', grant: 'task:list', group: 'nrm' },
  { id: 'outreachWorklist', path: '/outreach', grant: 'outreach-cluster:list', group: 'outreach' },
  { id: 'outreachToday', path: '/outreach/today', grant: 'outreach-contact:create', group: 'outreach' },
  { id: 'outreachContacts', path: '/outreach/contacts', grant: 'outreach-contact:list', group: 'outreach' },
  { id: 'outreachTemplates', path: '/outreach/templates', grant: 'outreach-template:list', group: 'outreach' },
  { id: 'outreachImport', path: '/outreach/import', grant: 'outreach-ad:import', group: 'outreach' },
  { id: 'outreachFunnel', path: '/outreach/funnel', grant: 'outreach-funnel:read', group: 'outreach' },
  { id: 'organisations', path: '/admin/organisations', grant: 'organisation:list', group: 'admin' },
  { id: 'users', path: '/admin/users', grant: 'user:list', group: 'admin' },
  { id: 'roles', path: '/admin/roles', grant: 'role:list', group: 'admin' },
  { id: 'audit', path: '/admin/audit', grant: 'audit:list', group: 'admin' },
  { id: 'jobs', path: '/admin/jobs', grant: 'job:list', group: 'admin' },
  { id: 'retention', path: '/retention', grant: 'retention:list', group: 'admin' },
  { id: 'outreachSources', path: '/outreach/sources', grant: 'outreach-source:manage', group: 'admin' },
];

export function areasFor(session: Session | null): Area[] {
  if (!session) return [];
  const grants = new Set(session.user.grants);
  return AREAS.filter((area) => grants.has(area.grant));
}
