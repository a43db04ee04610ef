import { useTranslation } from 'react-i18next';
import type { RetentionRun } from '../../api/rights.ts';
import { StatusBadge } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ReportView } from './ReportView.tsx';

/** Earlier runs, newest first; each report opens in a disclosure (details/summary). */
export function RunList({ runs }: { runs: RetentionRun[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <p className="utrecht-paragraph">{t('retention.noRuns')}</p>;
  return (
    <div data-testid="retention-runs">
      {runs.map((run) => (
        <div key={run.id} data-testid="retention-run">
          <details className="baken-details">
            <summary>
              {formatDateTime(run.startedAt)} · {run.startedBy} ·{' '}
              <StatusBadge tone={run.dryRun ? 'neutral' : 'warning'}>{t(run.dryRun ? 'retention.kindDry' : 'retention.kindReal')}</StatusBadge>{' '}
              {run.report ? t('retention.records', { count: run.report.totals.records }) : t('retention.unfinished')}
              {run.report && run.report.totals.failures > 0 ? (
                <>
                  {' '}
                  <StatusBadge tone="danger">{t('retention.failed', { count: run.report.totals.failures })}</StatusBadge>
                </>
              ) : null}
            </summary>
            {run.report ? <ReportView report={run.report} /> : null}
          </details>
        </div>
      ))}
    </div>
  );
}
