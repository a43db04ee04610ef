import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockDashboardQuery, type OrganisationDue } from '../../api/clocks.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ClockStateBadge, EscalatedBadge, OverdueBadge, RecordLink, useClockName } from './ui.tsx';

/** Colours with at least 4.5:1 contrast on white (the bars carry their numbers as text too). */
const OVERDUE_COLOUR = 'hsl(0 70% 36%)';
const DUE_COLOUR = 'hsl(211 60% 25%)';
const TEXT_COLOUR = '#000';

/** `organisationId` null: clocks that count for no organisation; '' in the filter means all. */
const NO_ORGANISATION = '-';

function orgKey(id: string | null): string {
  return id ?? NO_ORGANISATION;
}

/**
 * Overdue and due-this-week per organisation as horizontal bars (inline SVG, no chart library).
 * The SVG is one image with a text summary; the table next to it holds the same numbers.
 */
function DueChart({ organisations, name }: { organisations: OrganisationDue[]; name: (org: OrganisationDue) => string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...organisations.map((o) => Math.max(o.overdue, o.dueThisWeek)));
  const width = 640;
  const barArea = 460;
  const rowHeight = 64;
  const height = organisations.length * rowHeight + 8;
  const bar = (value: number) => (value === 0 ? 0 : Math.max(3, Math.round((value / max) * barArea)));
  const summary = organisations
    .map((o) => t('deadlines.chart.rowSummary', { organisation: name(o), overdue: o.overdue, due: o.dueThisWeek }))
    .join('; ');
  return (
    <figure className="baken-chart" data-testid="deadlines-chart">
      <figcaption className="utrecht-paragraph">{t('deadlines.chart.caption')}</figcaption>
      <p className="utrecht-paragraph" data-testid="deadlines-chart-legend">
        <svg width="14" height="14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill={OVERDUE_COLOUR} /></svg> {t('deadlines.overdue')}
        {'   '}
        <svg width="14" height="14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill={DUE_COLOUR} /></svg> {t('deadlines.dueThisWeek')}
      </p>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px`, height: 'auto', display: 'block' }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('deadlines.chart.caption')}</title>
        <desc id={descId}>{summary}</desc>
        {organisations.map((o, index) => {
          const y = index * rowHeight;
          const overdueWidth = bar(o.overdue);
          const dueWidth = bar(o.dueThisWeek);
          const label = name(o);
          return (
            <g key={orgKey(o.organisationId)} data-testid="deadlines-chart-row">
              <text x="0" y={y + 16} fontSize="14" fill={TEXT_COLOUR}>
                {label.length > 80 ? `${label.slice(0, 79)}…` : label}
              </text>
              <rect x="0" y={y + 22} width={overdueWidth} height="16" fill={OVERDUE_COLOUR} />
              <text x={overdueWidth + 6} y={y + 35} fontSize="13" fill={TEXT_COLOUR}>
                {t('deadlines.chart.overdueValue', { count: o.overdue })}
              </text>
              <rect x="0" y={y + 40} width={dueWidth} height="16" fill={DUE_COLOUR} />
              <text x={dueWidth + 6} y={y + 53} fontSize="13" fill={TEXT_COLOUR}>
                {t('deadlines.chart.dueValue', { count: o.dueThisWeek })}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Deadlines() {
  const { t } = useTranslation();
  const clockName = useClockName();
  const dashboard = useQuery(clockDashboardQuery);
  const [organisation, setOrganisation] = useState('');
  const data = dashboard.data;
  const organisations = data?.organisations ?? [];
  const orgName = (o: { organisationName: string | null; organisationId: string | null }) =>
    o.organisationName ?? (o.organisationId === null ? t('deadlines.noOrganisation') : t('deadlines.unknownOrganisation'));
  const names = new Map(organisations.map((o) => [orgKey(o.organisationId), orgName(o)]));
  const items = (data?.items ?? []).filter((item) => organisation === '' || item.organisationIds.some((id) => orgKey(id) === organisation));

  return (
    <Page title={t('areas.deadlines.title')} lead={t('deadlines.lead')} wide>
      {dashboard.isPending ? <Loading /> : null}
      <ErrorAlert error={dashboard.error} />
      {data ? (
        <>
          <p className="utrecht-paragraph" role="status" data-testid="deadlines-totals">
            {t('deadlines.totals', { overdue: data.totals.overdue, due: data.totals.dueThisWeek, until: formatDateTime(data.until) })}
          </p>
          <Section title={t('deadlines.perOrganisation')}>
            {organisations.length === 0 ? (
              <p className="utrecht-paragraph" data-testid="deadlines-empty">{t('deadlines.empty')}</p>
            ) : (
              <>
                <DueChart organisations={organisations} name={orgName} />
                <TableContainer label={t('deadlines.perOrganisation')}>
                  <table className="utrecht-table utrecht-table--html-table" data-testid="deadlines-organisations">
                    <caption className="utrecht-table__caption">{t('deadlines.chart.tableCaption')}</caption>
                    <thead className="utrecht-table__header">
                      <tr className="utrecht-table__row">
                        <th className="utrecht-table__header-cell" scope="col">{t('deadlines.organisation')}</th>
                        <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('deadlines.overdue')}</th>
                        <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('deadlines.dueThisWeek')}</th>
                      </tr>
                    </thead>
                    <tbody className="utrecht-table__body">
                      {organisations.map((o) => (
                        <tr className="utrecht-table__row" key={orgKey(o.organisationId)}>
                          <th className="utrecht-table__cell baken-row-header" scope="row">{orgName(o)}</th>
                          <td className="utrecht-table__cell utrecht-table__cell--numeric">{o.overdue}</td>
                          <td className="utrecht-table__cell utrecht-table__cell--numeric">{o.dueThisWeek}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableContainer>
              </>
            )}
          </Section>
          <Section title={t('deadlines.clocks')}>
            {organisations.length > 1 ? (
              <form className="utrecht-form baken-filter" role="search" aria-label={t('deadlines.filterLabel')} onSubmit={(event) => event.preventDefault()}>
                <SelectField label={t('deadlines.organisation')} name="organisation" markOptional={false} value={organisation} onChange={(event) => setOrganisation(event.target.value)}>
                  <option value="">{t('deadlines.allOrganisations')}</option>
                  {organisations.map((o) => (
                    <option key={orgKey(o.organisationId)} value={orgKey(o.organisationId)}>{orgName(o)}</option>
                  ))}
                </SelectField>
              </form>
            ) : null}
            <p className="utrecht-paragraph" data-testid="deadlines-count">{t('deadlines.count', { count: items.length })}</p>
            {items.length > 0 ? (
              <TableContainer label={t('deadlines.clocks')}>
                <table className="utrecht-table utrecht-table--html-table" data-testid="deadlines-table">
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{t('deadlines.record')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.clock')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.kind')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.dueAt')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('deadlines.organisations')}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {items.map((item) => (
                      <tr className="utrecht-table__row" key={item.clockId} data-testid="deadline-row">
                        <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">
                          <RecordLink caseId={item.caseId} caseNumber={item.caseNumber} signalId={item.signalId} signalNumber={item.signalNumber} />
                        </th>
                        <td className="utrecht-table__cell">{clockName(item.label, item.code)}</td>
                        <td className="utrecht-table__cell">{t(`caseClocks.kinds.${item.kind}`, { defaultValue: item.kind })}</td>
                        <td className="utrecht-table__cell baken-nowrap">{formatDateTime(item.dueAt)}</td>
                        <td className="utrecht-table__cell">
                          <span className="baken-case-badges">
                            <ClockStateBadge state="running" />
                            {item.overdue ? <OverdueBadge /> : null}
                            {item.escalated ? <EscalatedBadge /> : null}
                          </span>
                        </td>
                        <td className="utrecht-table__cell">{item.organisationIds.map((id) => names.get(orgKey(id)) ?? '').filter(Boolean).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
            ) : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}

export function DeadlinesPage() {
  return (
    <RequireGrant grant="clock:list">
      <Deadlines />
    </RequireGrant>
  );
}
