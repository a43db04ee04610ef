import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseClocksQuery, type CaseClock } from '../../../api/clocks.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Section } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ClockStateBadge, EscalatedBadge, OverdueBadge, useClockName, WarnedBadge } from '../../clocks/ui.tsx';

/** History entries name their actor by label: "user:<id>", "anonymous" (public intake), else the system ("job:…", "cli"). */
function actorKey(label: string): 'caseClocks.byUser' | 'caseClocks.byAnonymous' | 'caseClocks.bySystem' {
  if (label.startsWith('user:')) return 'caseClocks.byUser';
  return label === 'anonymous' ? 'caseClocks.byAnonymous' : 'caseClocks.bySystem';
}

/** The case's legal clocks (deadlines and periods) with their history (grant clock:list). */
export function ClocksSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const clockName = useClockName();
  const clocks = useQuery(caseClocksQuery(caseId));
  const rows = clocks.data?.items ?? [];
  const live = (clock: CaseClock) => clock.state === 'running' || clock.state === 'paused';
  const overdue = (clock: CaseClock) => live(clock) && clock.kind === 'deadline' && (clock.overdueAt !== null || new Date(clock.dueAt).getTime() <= Date.now());
  const warned = (clock: CaseClock) => live(clock) && !overdue(clock) && clock.history.some((entry) => entry.what === 'warned');

  return (
    <Section title={t('caseClocks.title')}>
      <p className="utrecht-paragraph">{t('caseClocks.lead')}</p>
      {clocks.isPending ? <Loading /> : null}
      <ErrorAlert error={clocks.error} />
      {clocks.data && rows.length === 0 ? <p className="utrecht-paragraph" data-testid="case-clocks-empty">{t('caseClocks.empty')}</p> : null}
      {rows.length > 0 ? (
        <TableContainer label={t('caseClocks.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="case-clocks">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.clock')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.kind')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.startedAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.dueAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.endedAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseClocks.history')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((clock) => {
                const name = clockName(clock.label, clock.code);
                return (
                  <tr className="utrecht-table__row" key={clock.id} data-testid="case-clock-row">
                    <th className="utrecht-table__cell baken-row-header" scope="row">
                      {name}
                      {clock.subject?.type === 'referral' ? <span className="baken-muted"> ({t('caseClocks.aboutReferral')})</span> : null}
                    </th>
                    <td className="utrecht-table__cell">{t(`caseClocks.kinds.${clock.kind}`, { defaultValue: clock.kind })}</td>
                    <td className="utrecht-table__cell">
                      <span className="baken-case-badges">
                        <ClockStateBadge state={clock.state} />
                        {overdue(clock) ? <OverdueBadge /> : null}
                        {warned(clock) ? <WarnedBadge /> : null}
                        {clock.escalatedAt ? <EscalatedBadge /> : null}
                      </span>
                    </td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(clock.startedAt)}</td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(clock.dueAt)}</td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(clock.endedAt)}</td>
                    <td className="utrecht-table__cell">
                      {clock.history.length > 0 ? (
                        <details>
                          <summary>{t('caseClocks.historyOf', { count: clock.history.length, clock: name })}</summary>
                          <ol className="utrecht-ordered-list" data-testid="case-clock-history">
                            {clock.history.map((entry, index) => (
                              // oxlint-disable-next-line react/no-array-index-key -- history entries have no id; their order is fixed
                              <li className="utrecht-ordered-list__item" key={index}>
                                <span className="baken-nowrap">{formatDateTime(entry.at)}</span>: {t(`caseClocks.what.${entry.what}`, { defaultValue: entry.what })}
                                {typeof entry.details.event === 'string' ? <span> ({t('caseClocks.afterEvent', { event: t(`caseClocks.events.${entry.details.event}`, { defaultValue: entry.details.event }) })})</span> : null}
                                <span className="baken-muted"> – {t(actorKey(entry.by))}</span>
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Section>
  );
}
