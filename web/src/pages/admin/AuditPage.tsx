import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAuditPage, type AuditFilter } from '../../api/admin.ts';
import type { AuditEntry } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { outcomeLabel } from '../../lib/labels.ts';
import { formErrors } from '../../lib/problems.ts';

const AUDIT_FIELDS = ['action', 'resourceType', 'resourceId', 'actorUserId', 'outcome', 'from', 'to'];

const EMPTY: AuditFilter = { action: '', resourceType: '', resourceId: '', actorUserId: '', outcome: '', from: '', to: '' };

function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const tone = outcome === 'ok' ? 'success' : outcome === 'denied' ? 'warning' : 'danger';
  return <StatusBadge tone={tone}>{outcomeLabel(t, outcome)}</StatusBadge>;
}

function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const details = entry.details && Object.keys(entry.details).length > 0 ? entry.details : null;
  return (
    <>
      {entry.purpose ? (
        <div>
          {t('audit.purpose')}: {entry.purpose}
        </div>
      ) : null}
      {details || entry.requestId ? (
        <details className="baken-details">
          <summary>{t('audit.showDetails')}</summary>
          {entry.requestId ? (
            <div className="baken-small">
              {t('audit.requestId')}: {entry.requestId}
            </div>
          ) : null}
          {details ? <pre className="utrecht-code-block baken-pre">{JSON.stringify(details, null, 2)}</pre> : null}
        </details>
      ) : null}
    </>
  );
}

function Audit() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const [dateError, setDateError] = useState<string | undefined>();
  const entries = useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam }) => fetchAuditPage(filter, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const { fieldErrors: problems, formError } = formErrors(entries.error, AUDIT_FIELDS);
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (field: keyof AuditFilter) => (event: { target: { value: string } }) => setDraft((old) => ({ ...old, [field]: event.target.value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError(t('audit.dateOrder'));
      return;
    }
    setDateError(undefined);
    setFilter({ ...draft });
  }

  function reset() {
    setDraft(EMPTY);
    setFilter(EMPTY);
    setDateError(undefined);
  }

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')} wide>
      <form className="utrecht-form baken-filter baken-filter--grid" role="search" aria-label={t('audit.filterLabel')} onSubmit={apply} noValidate>
        <TextField markOptional={false} label={t('audit.action')} name="action" value={draft.action} onChange={set('action')} error={problems.action} autoComplete="off" description={t('audit.actionHint')} />
        <TextField markOptional={false} label={t('audit.resourceType')} name="resourceType" value={draft.resourceType} onChange={set('resourceType')} error={problems.resourceType} autoComplete="off" />
        <TextField markOptional={false} label={t('audit.resourceId')} name="resourceId" value={draft.resourceId} onChange={set('resourceId')} error={problems.resourceId} autoComplete="off" />
        <TextField markOptional={false} label={t('audit.actorUserId')} name="actorUserId" value={draft.actorUserId} onChange={set('actorUserId')} error={problems.actorUserId} autoComplete="off" />
        <SelectField markOptional={false} label={t('audit.outcome')} name="outcome" value={draft.outcome} onChange={set('outcome')} error={problems.outcome}>
          <option value="">{t('audit.anyOutcome')}</option>
          {['ok', 'denied', 'failed'].map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabel(t, outcome)}
            </option>
          ))}
        </SelectField>
        <TextField markOptional={false} label={t('audit.from')} name="from" type="date" value={draft.from} onChange={set('from')} error={dateError ?? problems.from} />
        <TextField markOptional={false} label={t('audit.to')} name="to" type="date" value={draft.to} onChange={set('to')} error={problems.to} />
        <div className="baken-filter__actions">
          <Button type="submit" variant="primary">
            {t('common.filter')}
          </Button>
          <Button variant="secondary" onClick={reset}>
            {t('common.reset')}
          </Button>
        </div>
      </form>

      {entries.isPending ? <Loading /> : null}
      {entries.isError && formError ? <ErrorAlert error={formError} /> : null}
      {entries.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="audit-count">
          {entries.hasNextPage ? t('audit.countMore', { count: rows.length }) : t('audit.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('audit.title')}>
          <table className="utrecht-table utrecht-table--html-table baken-audit-table" data-testid="audit-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">{t('audit.seq')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.at')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.actor')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.action')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.resource')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.outcome')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.ip')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((entry) => (
                <tr className="utrecht-table__row" key={entry.seq} data-action={entry.action} data-outcome={entry.outcome}>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{entry.seq}</td>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(entry.at)}</td>
                  <td className="utrecht-table__cell">
                    {entry.actorName ?? entry.actorLabel ?? t('audit.system')}
                    {entry.actorUserId ? <div className="baken-muted baken-small">{entry.actorUserId}</div> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    <code className="utrecht-code">{entry.action}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    {entry.resourceType}
                    {entry.resourceId ? <div className="baken-muted baken-small">{entry.resourceId}</div> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    <OutcomeBadge outcome={entry.outcome} />
                  </td>
                  <td className="utrecht-table__cell">{entry.ip ?? ''}</td>
                  <td className="utrecht-table__cell">
                    <Details entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {entries.hasNextPage ? (
        <div className="baken-actions">
          <Button variant="secondary" onClick={() => void entries.fetchNextPage()} busy={entries.isFetchingNextPage}>
            {t('audit.loadOlder')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}

export function AuditPage() {
  return (
    <RequireGrant grant="audit:list">
      <Audit />
    </RequireGrant>
  );
}
