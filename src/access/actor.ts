export type RecordScope = 'own' | 'organisation' | 'assigned' | 'all';

/** Who is acting: a signed-in user, or the system itself (jobs, CLI run by an operator). */
export type Actor = {
  kind: 'user' | 'system' | 'anonymous';
  userId: string | null;
  organisationId: string | null;
  /** The type of the actor's organisation (field-level rules depend on it), or null for the system. */
  organisationType: string | null;
  roleId: string;
  scope: RecordScope;
  seesPersonalData: boolean;
  /** "resource:action" strings from role_grants. */
  grants: ReadonlySet<string>;
  /** A label for the audit trail: the user id, or e.g. "cli" / "job:sessions.purge". */
  label: string;
};

/** The system actor: used by the CLI and jobs; it holds every grant but is always audited by label. */
export function systemActor(label: string): Actor {
  return {
    kind: 'system',
    userId: null,
    organisationId: null,
    organisationType: null,
    roleId: 'system',
    scope: 'all',
    seesPersonalData: true,
    grants: new Set(['*']),
    label,
  };
}

/** Nobody signed in: holds no grants. Used for login and public endpoints. */
export function anonymousActor(): Actor {
  return {
    kind: 'anonymous',
    userId: null,
    organisationId: null,
    organisationType: null,
    roleId: 'anonymous',
    scope: 'own',
    seesPersonalData: false,
    grants: new Set(),
    label: 'anonymous',
  };
}
