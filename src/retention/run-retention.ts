import crypto from 'node:crypto';
import { assertCan } from '../access/can.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { applyRetentionTarget } from './apply-retention-target.ts';
import { planRetention } from './plan-retention.ts';
import { buildReport, type ReportFailure } from './retention-report.ts';
import { presentRun, selectRuns } from './retention-run-query.ts';

/**
 * One retention run (the daily job `retention.apply`, `baken retention run`, or the Retention
 * page). Dry: plans and reports, changes nothing but the stored report and an audit entry. Real:
 * applies the plan one case or signal at a time, each in its own transaction, so a failure leaves
 * that record as it was and the run goes on; failures are reported. Idempotent: what is done is
 * no longer planned, so a second run does nothing more.
 */
export async function runRetention(ctx: Ctx, input: { dryRun: boolean }) {
  assertCan(ctx.actor, 'run', 'retention');
  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  // Stored first, so a run that dies halfway is visible (no finished_at).
  await ctx.db
    .insertInto('retention_runs')
    .values({ id, dry_run: input.dryRun, started_at: now, actor_label: ctx.actor.label, actor_user_id: ctx.actor.userId, report: JSON.stringify({}) })
    .execute();
  const plan = await planRetention(ctx, now);
  const done: { reference: string; actions: typeof plan.targets[number]['actions'] }[] = [];
  const failures: ReportFailure[] = [];
  if (input.dryRun) {
    done.push(...plan.targets);
  } else {
    for (const target of plan.targets) {
      try {
        const applied = await applyRetentionTarget(ctx, target, now);
        done.push({ reference: target.reference, actions: applied.actions });
        for (const problem of applied.fileProblems) failures.push({ kind: target.kind, reference: target.reference, error: problem });
      } catch (e) {
        ctx.logger.error({ err: e, target: target.reference }, 'retention failed for one record');
        failures.push({ kind: target.kind, reference: target.reference, error: String((e as Error).message ?? e).slice(0, 300) });
      }
    }
  }
  const report = buildReport({ dryRun: input.dryRun, asOf: now, done, failures, skippedRules: plan.skippedRules });
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('retention_runs').set({ report: JSON.stringify(report), finished_at: tx.clock.now() }).where('id', '=', id).execute();
    await recordAudit(tx, {
      action: input.dryRun ? 'retention.dry-run' : 'retention.run',
      resourceType: 'retention',
      resourceId: id,
      purpose: 'retention',
      outcome: failures.length ? 'failed' : 'ok',
      details: { ...report.totals, items: report.items.map((i) => ({ recordType: i.recordType, action: i.action, records: i.records })) },
    });
  });
  const row = await selectRuns(ctx.db).where('retention_runs.id', '=', id).executeTakeFirstOrThrow();
  return presentRun(row);
}
