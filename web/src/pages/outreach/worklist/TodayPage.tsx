import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newContactHref, todayQuery } from '../../../api/outreach-worklist.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Page } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ClaimBadge, cityName, languageName, ReasonList, ScoreBar } from './ui.tsx';

const SIZES = [15, 16, 17, 18, 19, 20];

function Today() {
  const { t } = useTranslation();
  const [size, setSize] = useState(20);
  const today = useQuery(todayQuery(size));
  const data = today.data;
  return (
    <Page title={t('areas.outreachToday.title')} lead={t('outreachWorklist.today.lead', { hours: data?.activeHours ?? 48, days: data?.recontactDays ?? 14 })} wide>
      <form className="utrecht-form baken-filter" aria-label={t('outreachWorklist.today.sizeLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('outreachWorklist.today.size')} name="size" markOptional={false} value={String(size)} onChange={(e) => setSize(Number(e.target.value))}>
          {SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
        </SelectField>
      </form>
      {today.isPending ? <Loading /> : null}
      <ErrorAlert error={today.error} />
      {data ? (
        <p className="utrecht-paragraph" role="status" data-testid="today-count">
          {data.items.length === 0 ? t('outreachWorklist.today.empty') : t('outreachWorklist.today.count', { count: data.items.length, at: formatDateTime(data.generatedAt) })}
        </p>
      ) : null}
      {data && data.items.length > 0 ? (
        <TableContainer label={t('outreachWorklist.today.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="today-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('outreachWorklist.rank')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.phones.numberHeading')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.score')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.reasons')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.today.where')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.today.active')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.cluster')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.items.map((item, index) => {
                const number = t('outreachWorklist.phones.number', { hint: item.phoneHint });
                return (
                  <tr className="utrecht-table__row" key={item.phoneToken} data-testid="today-row">
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{index + 1}</td>
                    <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">{number}</th>
                    <td className="utrecht-table__cell"><ScoreBar score={item.score} /></td>
                    <td className="utrecht-table__cell" style={{ minWidth: '22em' }}><ReasonList reasons={item.reasons} /></td>
                    <td className="utrecht-table__cell baken-small">{[cityName(item.city), languageName(t, item.language)].filter(Boolean).join(' · ')}</td>
                    <td className="utrecht-table__cell baken-small baken-nowrap">{formatDateTime(item.lastActiveAt)}</td>
                    <td className="utrecht-table__cell baken-small">
                      <Link to="/outreach/clusters/$clusterId" params={{ clusterId: item.clusterId }} className="utrecht-link utrecht-link--html-a">
                        {t('outreachWorklist.clusterName', { id: item.clusterId })}
                      </Link>{' '}
                      <ClaimBadge claimedBy={item.claimedBy} />
                    </td>
                    <td className="utrecht-table__cell">
                      <a className="utrecht-link utrecht-link--html-a" href={newContactHref(item.clusterId, item.phoneToken)} data-testid="contact-link">
                        {t('outreachWorklist.phones.contact')}
                        <span className="visually-hidden"> {number}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function OutreachTodayPage() {
  return (
    <RequireGrant grant="outreach-contact:create">
      <Today />
    </RequireGrant>
  );
}
