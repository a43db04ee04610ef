import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { importsQuery, type ImportStatus } from '../../../api/outreach-import.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { StatusBadge, TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const TONE: Record<ImportStatus, 'success' | 'warning' | 'danger' | 'neutral'> = { queued: 'neutral', running: 'warning', done: 'success', failed: 'danger' };

/** Recent import runs of every way in (upload, command line, ingestion API, demo). */
export function ImportRunList() {
  const { t } = useTranslation();
  const runs = useQuery(importsQuery);
  if (runs.isPending) return <Loading />;
  if (runs.error) return <ErrorAlert error={runs.error} />;
  const items = runs.data.items;
  if (items.length === 0) return <p className="utrecht-paragraph">{t('outreachImport.runs.empty')}</p>;
  return (
    <TableContainer label={t('outreachImport.runs.caption')}>
      <table className="utrecht-table utrecht-table--html-table" data-testid="import-runs">
        <caption className="utrecht-table__caption visually-hidden">{t('outreachImport.runs.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.runs.when')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.runs.channel')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.runs.what')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.runs.by')}</th>
            <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.runs.status')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('outreachImport.runs.counts')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((run) => (
            <tr className="utrecht-table__row" key={run.id} data-testid="import-run">
              <td className="utrecht-table__cell">{formatDateTime(run.createdAt)}</td>
              <td className="utrecht-table__cell">{t(`outreachImport.channel.${run.channel}`)}</td>
              <td className="utrecht-table__cell">{run.fileName ?? run.source ?? ''}</td>
              <td className="utrecht-table__cell">{run.startedBy}</td>
              <td className="utrecht-table__cell">
                <StatusBadge tone={TONE[run.status]}>{t(`outreachImport.status.${run.status}`)}</StatusBadge>
              </td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{`${run.created} / ${run.updated} / ${run.unchanged} / ${run.malformed}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
