import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobsQuery, type Job } from '../../api/admin.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';

const STATUSES: Job['status'][] = ['queued', 'running', 'done', 'dead'];
const TONES = { queued: 'neutral', running: 'warning', done: 'success', dead: 'danger' } as const;

function Jobs() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const jobs = useQuery(jobsQuery(status));
  const rows = jobs.data?.items ?? [];
  return (
    <Page title={t('jobs.title')} lead={t('jobs.lead')} wide>
      <form className="utrecht-form baken-filter" role="search" aria-label={t('jobs.filterLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField markOptional={false} label={t('jobs.status')} name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('jobs.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`jobs.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {jobs.isPending ? <Loading /> : null}
      {jobs.isError ? <ErrorAlert error={jobs.error} /> : null}
      {jobs.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="jobs-count">
          {rows.length === 0 ? t('jobs.empty') : t('jobs.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('jobs.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="jobs-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('jobs.type')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('jobs.status')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('jobs.attempts')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('jobs.runAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('jobs.finishedAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('jobs.lastError')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((job) => (
                <tr className="utrecht-table__row" key={job.id} data-status={job.status}>
                  <td className="utrecht-table__cell">
                    <code className="utrecht-code">{job.type}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    <StatusBadge tone={TONES[job.status]}>{t(`jobs.statuses.${job.status}`)}</StatusBadge>
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {job.attempts}/{job.maxAttempts}
                  </td>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(job.runAt)}</td>
                  <td className="utrecht-table__cell baken-nowrap">{job.finishedAt ? formatDateTime(job.finishedAt) : ''}</td>
                  <td className="utrecht-table__cell">{job.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function JobsPage() {
  return (
    <RequireGrant grant="job:list">
      <Jobs />
    </RequireGrant>
  );
}
