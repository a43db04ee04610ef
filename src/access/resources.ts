/**
 * The catalogue of resources and the actions on them that roles can be granted. Each capability
 * adds its resources here (and grants them to built-in roles in a migration).
 */
export const RESOURCE_ACTIONS: Record<string, readonly string[]> = {
  organisation: ['list', 'read', 'create', 'update'],
  user: ['list', 'read', 'create', 'update'],
  role: ['list', 'read', 'create', 'update'],
  audit: ['list'],
  job: ['list'],
  signal: ['submit', 'list-own', 'list', 'read', 'triage'],
  case: ['list', 'read', 'update', 'close', 'reopen', 'view-log', 'read-identity', 'read-investigation', 'record-event', 'export', 'correct'],
  consent: ['list', 'record', 'withdraw'],
  referral: ['list', 'create', 'respond', 'revoke', 'override-consent'],
  directory: ['list'],
  clock: ['list'],
  task: ['list', 'complete', 'create'],
  identification: ['list', 'request', 'decide', 'review'],
  note: ['list', 'write'],
  document: ['list', 'upload', 'download'],
  retention: ['list', 'run'],
  'outreach-ad': ['import', 'list', 'read', 'purge'],
  'outreach-source': ['list', 'manage'],
  'outreach-cluster': ['list', 'read', 'claim', 'assign'],
  'outreach-contact': ['list', 'create', 'reveal', 'record-outcome', 'handover'],
  'outreach-template': ['list', 'write', 'approve'],
  'outreach-opt-out': ['record'],
  'outreach-funnel': ['read'],
};

export function isKnownGrant(grant: string): boolean {
  const [resource, action, extra] = grant.split(':');
  return extra === undefined && resource !== undefined && action !== undefined && (RESOURCE_ACTIONS[resource]?.includes(action) ?? false);
}
