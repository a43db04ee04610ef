import { recordAudit } from '../audit/record-audit.ts';
import { recordCaseEvent } from '../clocks/record-case-event.ts';
import { activeConsents } from '../consents/consent-gate.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors/catalogue.ts';
import { getProfile } from '../profiles/load-profile.ts';
import { loadCase } from './case-access.ts';
import { CodeCheck } from './profile-codes.ts';
import { readCase } from './read-case.ts';

/** Changes the dossier type (e.g. registration only -> + shelter), keeping the history with a reason. */
export async function changeDossierType(ctx: Ctx, input: { id: string; dossierType: string; reason: string }) {
  if (!input.reason.trim()) throw invalid('body.reason', 'Give the reason for the change.');
  await inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, input.id, 'update', { forUpdate: true });
    const profile = getProfile(row.profile_id, row.profile_version);
    const check = new CodeCheck(profile);
    check.dossierType('body.dossierType', input.dossierType);
    check.throwProblems();
    if (row.dossier_type === input.dossierType) throw conflict('The case already has this dossier type.', 'body.dossierType');
    const purposes = new Set((await activeConsents(tx, row.id)).map((c) => c.purpose));
    for (const required of profile.dossierTypes.find((d) => d.code === input.dossierType)?.requiredConsents ?? []) {
      if (!purposes.has(required)) check.add('body.dossierType', `This dossier type needs an active legal basis for "${required}"; record it first.`);
    }
    check.throwProblems();
    const now = tx.clock.now();
    await tx.db.updateTable('cases').set({ dossier_type: input.dossierType, updated_at: now }).where('id', '=', row.id).execute();
    await tx.db
      .insertInto('case_dossier_history')
      .values({ case_id: row.id, dossier_type: input.dossierType, changed_at: now, changed_by_user_id: tx.actor.userId, reason: input.reason.trim() })
      .execute();
    await recordAudit(tx, { action: 'case.dossier-type', resourceType: 'case', resourceId: row.id, purpose: 'case-work', details: { from: row.dossier_type, to: input.dossierType } });
    await recordCaseEvent(tx, { caseId: row.id, event: 'dossier-type-changed', details: { from: row.dossier_type, to: input.dossierType } });
  });
  return readCase(ctx, { id: input.id });
}
