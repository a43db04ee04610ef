import { sql, type Kysely } from 'kysely';

/**
 * Grants of the built-in roles for the central information point (least privilege). Frozen here as
 * data: later changes are new migrations, and administrators can change grants in the app.
 * Field-level rules on top of these grants live in cases/field-access.ts.
 */
export const REFERRAL_MECHANISM_GRANTS: Record<string, string[]> = {
  'first-responder': ['signal:submit', 'signal:list-own'],
  'outreach-worker': ['signal:submit', 'signal:list-own'],
  registrar: [
    'signal:submit', 'signal:list-own', 'signal:list', 'signal:read', 'signal:triage',
    'case:list', 'case:read', 'case:update', 'case:view-log', 'case:read-identity', 'case:read-investigation',
    'consent:list', 'consent:record', 'consent:withdraw',
    'referral:list', 'referral:create', 'referral:revoke', 'referral:override-consent',
    'directory:list',
  ],
  'care-coordinator': [
    'case:list', 'case:read', 'case:read-identity',
    'consent:list', 'consent:record', 'consent:withdraw',
    'referral:list', 'referral:create', 'referral:respond', 'referral:revoke',
    'directory:list',
  ],
  'service-provider': ['case:list', 'case:read', 'case:read-identity', 'referral:list', 'referral:respond'],
  'identification-body-member': ['case:list', 'case:read', 'case:read-identity'],
  'statistics-analyst': ['case:list', 'case:read'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [role, grants] of Object.entries(REFERRAL_MECHANISM_GRANTS)) {
    for (const grant of grants) {
      const [resource, action] = grant.split(':');
      await sql`insert into role_grants (role_id, resource, action)
                select ${role}, ${resource}, ${action} where exists (select 1 from roles where id = ${role})
                on conflict do nothing`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_grants where resource in ('signal','case','consent','referral','directory')`.execute(db);
}
