import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseViewsQuery } from '../../../api/cases.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Section } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';

/** Who opened or changed this case, from the audit trail (grant case:view-log). */
export function ViewsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const views = useQuery(caseViewsQuery(caseId));
  const rows = views.data?.items ?? [];
  return (
    <Section title={t('caseViews.title')}>
      <p className="utrecht-paragraph">{t('caseViews.lead')}</p>
      {views.isPending ? <Loading /> : null}
      <ErrorAlert error={views.error} />
      {views.data && rows.length === 0 ? <p className="utrecht-paragraph">{t('caseViews.empty')}</p> : null}
      {rows.length > 0 ? (
        <TableContainer label={t('caseViews.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="case-views">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('caseViews.at')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseViews.user')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseViews.organisation')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseViews.action')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseViews.purpose')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((view, index) => (
                <tr className="utrecht-table__row" key={`${view.at}-${index}`}>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(view.at)}</td>
                  <td className="utrecht-table__cell">{view.userName ?? t('caseViews.system')}</td>
                  <td className="utrecht-table__cell">{view.organisationName ?? ''}</td>
                  <td className="utrecht-table__cell">{t(`caseViews.actions.${view.action.replace(/\./g, '_')}`, { defaultValue: view.action })}</td>
                  <td className="utrecht-table__cell">{view.purpose ? t(`caseViews.purposes.${view.purpose}`, { defaultValue: view.purpose }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Section>
  );
}
