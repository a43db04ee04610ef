import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { mySignalsQuery } from '../../api/intake.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Page } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { SignalStatusBadge } from './SignalStatusBadge.tsx';

function MySignals() {
  const { t } = useTranslation();
  const session = useSession();
  const signals = useQuery(mySignalsQuery);
  const rows = [...(signals.data?.items ?? [])].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

  return (
    <Page title={t('areas.mySignals.title')} lead={t('intake.mine.lead')} wide>
      {can(session, 'signal:submit') ? (
        <p className="utrecht-paragraph">
          <Link to="/signals/new" className="utrecht-link utrecht-link--html-a">
            {t('intake.mine.newSignal')}
          </Link>
        </p>
      ) : null}
      {signals.isPending ? <Loading /> : null}
      {signals.isError ? <ErrorAlert error={signals.error} /> : null}
      {signals.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="my-signals-count">
          {t('intake.mine.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('areas.mySignals.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="my-signals-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('intake.mine.number')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('intake.mine.received')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('intake.mine.channel')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((signal) => (
                <tr className="utrecht-table__row" key={signal.id}>
                  <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">{signal.number}</th>
                  <td className="utrecht-table__cell">{formatDateTime(signal.receivedAt)}</td>
                  <td className="utrecht-table__cell">{t(`intake.channels.${signal.channel}`, { defaultValue: signal.channel })}</td>
                  <td className="utrecht-table__cell">
                    <SignalStatusBadge status={signal.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function MySignalsPage() {
  return (
    <RequireGrant grant="signal:list-own">
      <MySignals />
    </RequireGrant>
  );
}
