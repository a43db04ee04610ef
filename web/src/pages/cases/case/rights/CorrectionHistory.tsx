import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { correctionsQuery } from '../../../../api/rights.ts';
import { ErrorAlert, Loading } from '../../../../components/Alert.tsx';
import { TableContainer } from '../../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { useFormatValue } from './correction-fields.ts';

/** Every correction of the case, oldest first, with the old and the new value (registrars). */
export function CorrectionHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const formatValue = useFormatValue();
  const history = useQuery(correctionsQuery(caseId));
  const rows = history.data?.items ?? [];
  return (
    <>
      <h3 className="utrecht-heading-3">{t('rights.history.title')}</h3>
      {history.isPending ? <Loading /> : null}
      <ErrorAlert error={history.error} />
      {history.data && rows.length === 0 ? <p className="utrecht-paragraph">{t('rights.history.empty')}</p> : null}
      {rows.length > 0 ? (
        <TableContainer label={t('rights.history.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="correction-history">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.at')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.field')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.old')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.new')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.reason')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('rights.history.by')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((c) => (
                <tr className="utrecht-table__row" key={c.id}>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(c.correctedAt)}</td>
                  <td className="utrecht-table__cell">{t(`caseFields.${c.field}`, { defaultValue: c.field })}</td>
                  <td className="utrecht-table__cell">{formatValue(c.field, c.oldValue)}</td>
                  <td className="utrecht-table__cell">{formatValue(c.field, c.newValue)}</td>
                  <td className="utrecht-table__cell">{c.reason}</td>
                  <td className="utrecht-table__cell">{c.correctedByName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </>
  );
}
