import { useTranslation } from 'react-i18next';
import type { Funnel, FunnelCells } from '../../../api/outreach-funnel.ts';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatCell, formatRatio, languageName, stageLabel, weekLabel } from './funnel-format.ts';

/** The numbers behind the charts (their text alternative): per week with the period total, ratios, per language. */
export function FunnelTables({ funnel }: { funnel: Funnel }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const cells = (counts: FunnelCells) =>
    funnel.stages.map((stage) => (
      <td className="utrecht-table__cell utrecht-table__cell--numeric" key={stage}>
        {formatCell(counts[stage], locale)}
      </td>
    ));
  const head = (first: string[]) => (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {first.map((label) => (
          <th className="utrecht-table__header-cell" scope="col" key={label}>
            {label}
          </th>
        ))}
        {funnel.stages.map((stage) => (
          <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col" key={stage}>
            {stageLabel(t, stage)}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <h3 className="utrecht-heading-3">{t('outreachFunnel.table.perWeek')}</h3>
      <TableContainer label={t('outreachFunnel.table.perWeek')}>
        <table className="utrecht-table utrecht-table--html-table" data-testid="funnel-table">
          {head([t('outreachFunnel.table.week')])}
          <tbody className="utrecht-table__body">
            {funnel.weekly.map((row) => (
              <tr className="utrecht-table__row" key={row.week}>
                <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">{weekLabel(t, row.week, locale)}</th>
                {cells(row.counts)}
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row" data-testid="funnel-total">
              <th className="utrecht-table__cell baken-row-header" scope="row">{t('outreachFunnel.table.total')}</th>
              {cells(funnel.totals)}
            </tr>
          </tfoot>
        </table>
      </TableContainer>

      <h3 className="utrecht-heading-3">{t('outreachFunnel.table.conversions')}</h3>
      <TableContainer label={t('outreachFunnel.table.conversions')}>
        <table className="utrecht-table utrecht-table--html-table" data-testid="funnel-conversions">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('outreachFunnel.table.step')}</th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('outreachFunnel.table.ratio')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {funnel.conversions.map((c) => (
              <tr className="utrecht-table__row" key={c.to}>
                <th className="utrecht-table__cell baken-row-header" scope="row">{t('outreachFunnel.table.fromTo', { from: stageLabel(t, c.from), to: stageLabel(t, c.to) })}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{formatRatio(c.ratio, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>

      <h3 className="utrecht-heading-3">{t('outreachFunnel.table.perLanguage')}</h3>
      {funnel.byLanguage.length === 0 ? (
        <p className="utrecht-paragraph">{t('outreachFunnel.empty')}</p>
      ) : (
        <TableContainer label={t('outreachFunnel.table.perLanguage')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="funnel-language-table">
            {head([t('outreachFunnel.table.week'), t('outreachFunnel.table.language')])}
            <tbody className="utrecht-table__body">
              {funnel.byLanguage.map((row) => (
                <tr className="utrecht-table__row" key={`${row.week}-${row.language}`}>
                  <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">{weekLabel(t, row.week, locale)}</th>
                  <td className="utrecht-table__cell">{languageName(t, row.language, locale)}</td>
                  {cells(row.counts)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </>
  );
}
