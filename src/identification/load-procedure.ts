import { loadCase, type CaseAccess } from '../cases/case-access.ts';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import type { Profile } from '../profiles/profile-schema.ts';
import type { Stage } from './identification-rules.ts';
import { stageOf, type ProcedureRow } from './procedure-query.ts';

/**
 * Loads a procedure for a write on it: the case with the viewer's access (404 exactly as for a
 * missing case when the viewer may not see it), locked so that writes on one case's identification
 * happen one at a time, and the procedure re-read under that lock.
 */
export async function loadProcedure(ctx: Ctx, procedureId: string): Promise<{ access: CaseAccess; procedure: ProcedureRow; profile: Profile; stage: Stage }> {
  const first = await ctx.db.selectFrom('identification_procedures').select('case_id').where('id', '=', procedureId).executeTakeFirst();
  if (!first) throw notFound();
  const access = await loadCase(ctx, first.case_id, 'read', { forUpdate: true });
  const procedure = await ctx.db.selectFrom('identification_procedures').selectAll().where('id', '=', procedureId).executeTakeFirstOrThrow();
  const profile = getProfile(access.row.profile_id, access.row.profile_version);
  return { access, procedure, profile, stage: stageOf(profile, procedure) };
}

/** Decisions are taken by the deciding body's organisation; the registrar (scope all) may record them for it. */
export function assertMayDecide(ctx: Ctx, procedure: ProcedureRow): void {
  if (ctx.actor.scope === 'all') return;
  if (ctx.actor.organisationId !== null && ctx.actor.organisationId === procedure.body_organisation_id) return;
  throw new DomainError('FORBIDDEN', "Only the deciding body's organisation or the registrar may record this decision.");
}
