import type { Selectable } from 'kysely';
import { assertCan } from '../access/can.ts';
import type { Ctx } from '../context.ts';
import type { CasesTable, ReferralsTable } from '../db/schema.ts';
import { notFound } from '../errors/catalogue.ts';
import { IDENTIFICATION_ACCESS } from '../referrals/access-profiles.ts';
import type { FieldGroup } from './field-groups.ts';
import { visibleFieldGroups } from './field-access.ts';

export const ACTIVE_REFERRAL_STATUSES = ['requested', 'accepted'] as const;

export type CaseAccess = {
  row: Selectable<CasesTable>;
  visible: Set<FieldGroup>;
  /** The active referrals to the viewer's organisation (how a partner sees the case). */
  myReferrals: Selectable<ReferralsTable>[];
  /** Whether the viewer's organisation is the deciding body of an open identification procedure. */
  decidingBody: boolean;
};

/**
 * Loads a case and checks that the actor may do `action` on it. Partners see a case only through an
 * active referral to their organisation (scope "assigned"); everyone else who is denied gets
 * NOT_FOUND, exactly as for a case that does not exist. Locks the row with `forUpdate` for writes.
 */
export async function loadCase(ctx: Ctx, caseId: string, action: string, opts: { forUpdate?: boolean } = {}): Promise<CaseAccess> {
  // The role-level check first (answers FORBIDDEN, the same for every id); the record check after
  // loading answers NOT_FOUND, the same as for a case that does not exist.
  assertCan(ctx.actor, action, 'case');
  let query = ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId);
  if (opts.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  const active = await ctx.db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', 'in', ACTIVE_REFERRAL_STATUSES)
    .execute();
  // While an identification procedure is open (requested, or a review of its decision pending) the
  // deciding body's organisation needs the case to decide; a closed case is nobody's work.
  const bodies =
    row.status === 'open'
      ? await ctx.db
          .selectFrom('identification_procedures')
          .select('body_organisation_id')
          .where('case_id', '=', caseId)
          .where('status', '=', 'open')
          .where('body_organisation_id', 'is not', null)
          .execute()
      : [];
  const bodyOrganisationIds = bodies.map((b) => b.body_organisation_id!);
  assertCan(ctx.actor, action, {
    type: 'case',
    ownerUserId: row.registered_by_user_id,
    organisationId: null,
    assignedOrganisationIds: [...active.map((r) => r.organisation_id), ...bodyOrganisationIds],
  });
  const myReferrals = ctx.actor.organisationId ? active.filter((r) => r.organisation_id === ctx.actor.organisationId) : [];
  const decidingBody = ctx.actor.organisationId !== null && bodyOrganisationIds.includes(ctx.actor.organisationId);
  const throughReferral = ctx.actor.scope !== 'all';
  const visible = visibleFieldGroups(ctx.actor, throughReferral ? myReferrals.map((r) => r.access_profile) : null);
  if (throughReferral && decidingBody) {
    // The hard rules (no identity without the grant, no investigation for ...) still apply first.
    for (const group of visibleFieldGroups(ctx.actor, null)) if ((IDENTIFICATION_ACCESS.fieldGroups as readonly FieldGroup[]).includes(group)) visible.add(group);
  }
  return { row, visible, myReferrals, decidingBody };
}
