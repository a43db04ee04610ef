import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { triageQuery, type TriageItem, type TriageStatus } from '../../api/cases.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useProfileLabels } from './profile.ts';
import { UrgencyBadges } from './ui.tsx';

/** Acute danger first, then a minor involved; otherwise the server's order (oldest first). */
function urgency(item: TriageItem): number {
  return (item.acuteDanger ? 2 : 0) + (item.minorInvolved || item.presumedMinor ? 1 : 0);
}

function Triage() {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const [draft, setDraft] = useState<TriageStatus>('open');
  const [status, setStatus] = useState<TriageStatus>('open');
  const signals = useQuery(triageQuery(status));
  const rows = [...(signals.data?.items ?? [])].sort((a, b) => urgency(b) - urgency(a));

  function apply(event: FormEvent) {
    event.preventDefault();
    setStatus(draft);
  }

  return (
    <Page title={t('areas.triage.title')} lead={t('triage.lead')} wide>
      <form className="utrecht-form baken-filter" role="search" aria-label={t('triage.filterLabel')} onSubmit={apply}>
        <SelectField label={t('triage.show')} name="status" markOptional={false} value={draft} onChange={(event) => setDraft(event.target.value as TriageStatus)}>
          <option value="open">{t('triage.statusOpen')}</option>
          <option value="decided">{t('triage.statusDecided')}</option>
          <option value="all">{t('triage.statusAll')}</option>
        </SelectField>
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">
            {t('common.filter')}
          </Button>
        </div>
      </form>

      {signals.isPending ? <Loading /> : null}
      <ErrorAlert error={signals.error} />
      {signals.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="triage-count">
          {t('triage.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('triage.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="triage-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('triage.number')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.urgency')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.channel')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.received')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.region')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.forms')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.source')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('triage.duplicates')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((item) => (
                <tr className="utrecht-table__row" key={item.id}>
                  <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">
                    <Link to="/triage/$signalId" params={{ signalId: item.id }} className="utrecht-link utrecht-link--html-a">
                      {item.number}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">
                    <UrgencyBadges acuteDanger={item.acuteDanger} minor={item.minorInvolved || !!item.presumedMinor} />
                  </td>
                  <td className="utrecht-table__cell">{t(`caseCommon.channels.${item.channel}`, { defaultValue: item.channel })}</td>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(item.receivedAt)}</td>
                  <td className="utrecht-table__cell">{labels.region(item.region)}</td>
                  <td className="utrecht-table__cell">{labels.forms(item.forms)}</td>
                  <td className="utrecht-table__cell">{item.sourceOrganisationName ?? ''}</td>
                  <td className="utrecht-table__cell">{item.duplicateCount > 0 ? t('triage.duplicateCount', { count: item.duplicateCount }) : t('triage.noDuplicates')}</td>
                  <td className="utrecht-table__cell">{t(`caseCommon.signalStatus.${item.status}`, { defaultValue: item.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
    </Page>
  );
}

export function TriagePage() {
  return (
    <RequireGrant grant="signal:triage">
      <Triage />
    </RequireGrant>
  );
}
