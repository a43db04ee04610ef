import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../../api/rights.ts';
import { Alert } from '../../components/Alert.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ReportChart } from './ReportChart.tsx';

/** The references of a line: the first ones, and how many more (reports can name thousands). */
function References({ references }: { references: string[] }) {
  const { t } = useTranslation();
  const shown = references.slice(0, 12);
  return (
    <>
      {shown.join(', ')}
      {references.length > shown.length ? ` ${t('retention.report.more', { count: references.length - shown.length })}` : ''}
    </>
  );
}

/** A run's report: per record type and action the number of records and their case or signal numbers. */
export function ReportView({ report, testId }: { report: RetentionReport; testId?: string }) {
  const { t } = useTranslation();
  const label = (item: RetentionReport['items'][number]) =>
    t('retention.report.what', {
      type: t(`retention.recordTypes.${item.recordType}`, { defaultValue: item.recordType }),
      action: t(`retention.actions.${item.action}`, { defaultValue: item.action }),
    });
  return (
    <div data-testid={testId}>
      <p className="utrecht-paragraph">
        {t(report.dryRun ? 'retention.report.dryRunSummary' : 'retention.report.runSummary', { records: report.totals.records, asOf: formatDateTime(report.asOf) })}
      </p>
      {report.failures.length > 0 ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('retention.report.failures', { count: report.failures.length })}</p>
          <ul className="utrecht-unordered-list">
            {report.failures.map((f) => (
              <li className="utrecht-unordered-list__item" key={`${f.kind}-${f.reference}`}>{f.reference}: {f.error}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {report.items.length === 0 ? (
        <p className="utrecht-paragraph" data-testid="retention-nothing">{t('retention.report.nothing')}</p>
      ) : (
        <>
          <ReportChart report={report} label={label} />
          <TableContainer label={t('retention.report.caption')}>
            <table className="utrecht-table utrecht-table--html-table" data-testid="retention-report-table">
              <caption className="utrecht-table__caption">{t('retention.report.caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t('retention.report.recordType')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('retention.report.action')}</th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('retention.report.records')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('retention.report.references')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {report.items.map((item) => (
                  <tr className="utrecht-table__row" key={`${item.recordType}-${item.action}`}>
                    <th className="utrecht-table__cell baken-row-header" scope="row">{t(`retention.recordTypes.${item.recordType}`, { defaultValue: item.recordType })}</th>
                    <td className="utrecht-table__cell">{t(`retention.actions.${item.action}`, { defaultValue: item.action })}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{item.records}</td>
                    <td className="utrecht-table__cell"><References references={item.references} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        </>
      )}
      {report.skippedRules.length > 0 ? (
        <p className="utrecht-paragraph">
          {t('retention.report.skipped')}: {report.skippedRules.map((r) => `${r.profile} ${r.recordType}/${r.action} (${r.why})`).join('; ')}
        </p>
      ) : null}
    </div>
  );
}
