// Shapes of the API's JSON responses (see the API contract). Kept apart from the server's code on
// purpose: the web app depends on the contract, not on the server's internals.

export type Locale = 'nl' | 'en';
export type SessionStage = 'second-factor' | 'enrol' | 'full';
export type Scope = 'own' | 'organisation' | 'assigned' | 'all';

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  organisation: { id: string; name: string; type: string };
  role: { id: string; name: string; scope: Scope };
  grants: string[];
  totpEnabled: boolean;
  secondFactorRequired: boolean;
};

export type Session = { stage: SessionStage; csrfToken: string; user: SessionUser };

export type LoginResponse = { stage: SessionStage };

export type Enrolment = { secret: string; otpauthUrl: string; qrSvg: string };
export type RecoveryCodes = { recoveryCodes: string[] };

export type SessionItem = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

export type Organisation = {
  id: string;
  name: string;
  type: string;
  region: string | null;
  active: boolean;
  createdAt: string;
  userCount: number;
};

export type AdminUser = {
  id: string;
  email: string;
  displayName: string;
  organisation: { id: string; name: string };
  role: { id: string; name: string };
  totpEnabled: boolean;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Role = {
  id: string;
  name: string;
  description: string | null;
  scope: Scope;
  seesPersonalData: boolean;
  builtIn: boolean;
  grants: string[];
  userCount: number;
};

export type ResourceActions = { resource: string; actions: string[] };
export type RolesResponse = { items: Role[]; resources: ResourceActions[] };

export type AuditOutcome = 'ok' | 'denied' | 'failed';
export type AuditEntry = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  organisationId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  outcome: AuditOutcome | string;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
};
export type AuditPage = { items: AuditEntry[]; nextBefore: number | null };

export type Items<T> = { items: T[] };

export const ORGANISATION_TYPES = [
  'police',
  'labour-inspectorate',
  'border-police',
  'municipality',
  'ngo',
  'shelter',
  'care-coordination',
  'legal-aid',
  'health',
  'guardian',
  'registrar',
  'identification-body',
  'outreach',
] as const;

export const SCOPES: Scope[] = ['own', 'organisation', 'assigned', 'all'];

export const BUILT_IN_ROLE_IDS = [
  'first-responder',
  'registrar',
  'care-coordinator',
  'service-provider',
  'identification-body-member',
  'outreach-worker',
  'statistics-analyst',
  'administrator',
] as const;
