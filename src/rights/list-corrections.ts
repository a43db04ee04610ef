import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-access.ts';
import { openJson } from '../cases/person.ts';
import { inTransaction, type Ctx } from '../context.ts';
import type { FieldValue } from './correctable-fields.ts';

/**
 * The correction history of a case, oldest first, with the old and new values decrypted. The old
 * values are personal data (often the very error the person asked to fix), so the history is for
 * registrars only (`case:correct`) and every read is audited.
 */
export async function listCorrections(ctx: Ctx, input: { id: string }) {
  return inTransaction(ctx, async (tx) => {
    await loadCase(tx, input.id, 'correct');
    const result = await listCorrectionsIn(tx, input.id);
    await recordAudit(tx, { action: 'case.corrections', resourceType: 'case', resourceId: input.id, purpose: 'rectification', details: { corrections: result.items.length } });
    return result;
  });
}

/** The history without access check or audit: for operations that did both already. */
export async function listCorrectionsIn(ctx: Ctx, caseId: string) {
  const rows = await ctx.db
    .selectFrom('case_corrections')
    .leftJoin('users', 'users.id', 'case_corrections.corrected_by_user_id')
    .select(['case_corrections.id', 'case_corrections.field', 'case_corrections.old_enc', 'case_corrections.new_enc', 'case_corrections.reason', 'case_corrections.corrected_at', 'users.display_name'])
    .where('case_corrections.case_id', '=', caseId)
    .orderBy('case_corrections.seq')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: openJson<FieldValue>(ctx.keyring, 'case_corrections', 'old_enc', r.id, r.old_enc),
      newValue: openJson<FieldValue>(ctx.keyring, 'case_corrections', 'new_enc', r.id, r.new_enc),
      reason: r.reason,
      correctedAt: r.corrected_at.toISOString(),
      correctedByName: r.display_name,
    })),
  };
}
export type CorrectionHistory = Awaited<ReturnType<typeof listCorrectionsIn>>;
