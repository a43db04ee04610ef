import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../api/outreach-import.ts';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { Facts } from '../../cases/ui.tsx';

/** The counts of a finished import and the lines it skipped (line number and problem, never the line itself). */
export function ImportResult({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const count = (n: number) => n.toLocaleString();
  return (
    <div data-testid="import-result">
      <h3 className="utrecht-heading-3">{t('outreachImport.result.title')}</h3>
      <Facts
        testId="import-counts"
        rows={[
          [t('outreachImport.result.created'), count(run.created)],
          [t('outreachImport.result.updated'), count(run.updated)],
          [t('outreachImport.result.unchanged'), count(run.unchanged)],
          [t('outreachImport.result.malformed'), count(run.malformed)],
          [t('outreachImport.result.clusters'), count(run.clustersTouched)],
        ]}
      />
      {run.problems.length > 0 ? (
        <>
          <h4 className="utrecht-heading-4">{t('outreachImport.result.problemsTitle')}</h4>
          <TableContainer label={t('outreachImport.result.problemsCaption')}>
            <table className="utrecht-table utrecht-table--html-table" data-testid="import-problems">
              <caption className="utrecht-table__caption visually-hidden">{t('outreachImport.result.problemsCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('outreachImport.result.line')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('outreachImport.result.problem')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {run.problems.map((p) => (
                  <tr className="utrecht-table__row" key={p.line}>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column">{p.line}</td>
                    <td className="utrecht-table__cell">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
          {run.malformed > run.problems.length ? <p className="utrecht-paragraph">{t('outreachImport.result.moreProblems', { count: run.malformed - run.problems.length })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
