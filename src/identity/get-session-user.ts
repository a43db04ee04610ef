import type { Ctx } from '../context.ts';
import { secondFactorRequired } from './second-factor-policy.ts';

/** The signed-in user's own profile, as the web app needs it (no audit: it is the user's own data). */
export async function getSessionUser(ctx: Ctx, userId: string) {
  const u = await ctx.db
    .selectFrom('users')
    .innerJoin('organisations as o', 'o.id', 'users.organisation_id')
    .innerJoin('roles as r', 'r.id', 'users.role_id')
    .select([
      'users.id', 'users.email', 'users.display_name', 'users.locale', 'users.totp_enabled_at',
      'o.id as org_id', 'o.name as org_name', 'o.type as org_type',
      'r.id as role_id', 'r.name as role_name', 'r.scope as role_scope', 'r.sees_personal_data',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    organisation: { id: u.org_id, name: u.org_name, type: u.org_type },
    role: { id: u.role_id, name: u.role_name, scope: u.role_scope },
    grants: [...ctx.actor.grants].sort(),
    totpEnabled: u.totp_enabled_at !== null,
    secondFactorRequired: secondFactorRequired(ctx.config, u.sees_personal_data),
  };
}
