import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { storedFilePath } from '../files/file-format.ts';
import { applyCaseAction } from './case-retention-actions.ts';
import { planRetention, type PlannedAction, type Target } from './plan-retention.ts';
import type { CaseRecordType } from './retention-rules.ts';

export type AppliedTarget = { actions: PlannedAction[]; fileProblems: string[] };

/**
 * Applies retention to one case or signal in its own transaction: the row is locked and planned
 * again, so what is applied is what is due at this moment (a case reopened since the plan, or
 * handled by another instance, yields nothing). One audit entry per record, committed with its
 * change. Stored files are removed from disk only after the commit: a rollback never leaves a
 * document row without its file.
 */
export async function applyRetentionTarget(ctx: Ctx, target: Pick<Target, 'kind' | 'id'>, now: Date): Promise<AppliedTarget> {
  const { actions, fileIds } = await inTransaction(ctx, async (tx) => {
    if (target.kind === 'signal') {
      const locked = await tx.db.selectFrom('signals').select('id').where('id', '=', target.id).forUpdate().executeTakeFirst();
      if (!locked) return { actions: [], fileIds: [] };
      const planned = (await planRetention(tx, now, { signalIds: [target.id] })).targets[0];
      if (!planned) return { actions: [], fileIds: [] };
      await sql`delete from signal_duplicates where target_kind = 'signal' and target_id = ${target.id}`.execute(tx.db);
      // Cascades to its additions, duplicate links, events, clocks (with their history) and tasks.
      await tx.db.deleteFrom('signals').where('id', '=', target.id).execute();
      await recordAudit(tx, { action: 'retention.delete', resourceType: 'signal', resourceId: target.id, purpose: 'retention', details: { reference: planned.reference, actions: planned.actions } });
      return { actions: planned.actions, fileIds: [] as string[] };
    }
    const locked = await tx.db.selectFrom('cases').select('id').where('id', '=', target.id).forUpdate().executeTakeFirst();
    if (!locked) return { actions: [], fileIds: [] };
    const planned = (await planRetention(tx, now, { caseIds: [target.id] })).targets[0];
    if (!planned) return { actions: [], fileIds: [] };
    const files: string[] = [];
    for (const a of planned.actions) files.push(...(await applyCaseAction(tx.db, target.id, a.recordType as CaseRecordType, now)));
    await recordAudit(tx, {
      action: planned.actions.some((a) => a.recordType === 'case') ? 'retention.anonymise' : 'retention.apply',
      resourceType: 'case',
      resourceId: target.id,
      purpose: 'retention',
      details: { reference: planned.reference, actions: planned.actions },
    });
    return { actions: planned.actions, fileIds: files };
  });
  const fileProblems: string[] = [];
  for (const id of fileIds) {
    try {
      await fs.rm(storedFilePath(ctx.config.filesDir, id), { force: true });
    } catch (e) {
      fileProblems.push(`stored file ${id} could not be removed from disk: ${(e as Error).message}`);
    }
  }
  return { actions, fileProblems };
}
