import type { Ctx } from '../context.ts';
import type { RetentionReport } from './retention-report.ts';

export function selectRuns(db: Ctx['db']) {
  return db
    .selectFrom('retention_runs')
    .leftJoin('users', 'users.id', 'retention_runs.actor_user_id')
    .select(['retention_runs.id', 'retention_runs.dry_run', 'retention_runs.started_at', 'retention_runs.finished_at', 'retention_runs.actor_label', 'retention_runs.report', 'users.display_name']);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof selectRuns>['executeTakeFirstOrThrow']>>;

export function presentRun(row: RunRow) {
  const report = row.report as Partial<RetentionReport>;
  return {
    id: row.id,
    dryRun: row.dry_run,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    startedBy: row.display_name ?? row.actor_label,
    // An unfinished run (it died, or is still going) has an empty report.
    report: report.version ? (report as RetentionReport) : null,
  };
}
export type PresentedRun = ReturnType<typeof presentRun>;
