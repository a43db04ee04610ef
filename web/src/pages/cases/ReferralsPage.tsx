import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnReferral, referralsQuery, type Referral } from '../../api/cases.ts';
import { can, useSession } from '../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { TableContainer } from '../../components/TableContainer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useProfileLabels } from './profile.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';

const STATUSES = ['requested', 'accepted', 'declined', 'completed', 'revoked'] as const;

function Referrals() {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useProfileLabels();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const referrals = useQuery(referralsQuery(status));
  const rows = referrals.data?.items ?? [];
  const mayRespond = can(session, 'referral:respond');

  function apply(event: FormEvent) {
    event.preventDefault();
    setStatus(draft);
  }

  async function act(referral: Referral, action: 'accept' | 'decline' | 'complete', body: { note?: string; reason?: string }) {
    setError(null);
    await actOnReferral(referral.id, action, body);
    const message = t(`referralsPage.done.${action}`, { number: referral.caseNumber ?? '' });
    setNotice(message);
    announce(message);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['referrals'] }), queryClient.invalidateQueries({ queryKey: ['case'] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
  }

  async function quick(referral: Referral, action: 'accept' | 'complete') {
    setBusyId(referral.id);
    try {
      await act(referral, action, {});
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Page title={t('areas.referrals.title')} lead={t('referralsPage.lead')} wide>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="referrals-notice">{notice}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <form className="utrecht-form baken-filter" role="search" aria-label={t('referralsPage.filterLabel')} onSubmit={apply}>
        <SelectField label={t('common.status')} name="status" markOptional={false} value={draft} onChange={(event) => setDraft(event.target.value)}>
          <option value="">{t('referralsPage.allStatuses')}</option>
          {STATUSES.map((code) => <option key={code} value={code}>{t(`caseCommon.referralStatus.${code}`)}</option>)}
        </SelectField>
        <div className="baken-filter__actions">
          <Button type="submit" variant="secondary">{t('common.filter')}</Button>
        </div>
      </form>
      {referrals.isPending ? <Loading /> : null}
      <ErrorAlert error={referrals.error} />
      {referrals.data ? (
        <p className="utrecht-paragraph" role="status" data-testid="referrals-count">
          {t('referralsPage.count', { count: rows.length })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableContainer label={t('referralsPage.tableLabel')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="referrals-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.caseNumber')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.type')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.organisation')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.accessProfile')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.requestedAt')}</th>
                {mayRespond ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((referral) => {
                const number = referral.caseNumber ?? '';
                return (
                  <tr className="utrecht-table__row" key={referral.id}>
                    <th className="utrecht-table__cell baken-row-header baken-nowrap" scope="row">
                      {referral.caseId && (referral.status === 'requested' || referral.status === 'accepted' || can(session, 'case:list')) ? (
                        <Link to="/cases/$caseId" params={{ caseId: referral.caseId }} className="utrecht-link utrecht-link--html-a">
                          {number}
                        </Link>
                      ) : (
                        number
                      )}
                    </th>
                    <td className="utrecht-table__cell">{labels.referralType(referral.type)}</td>
                    <td className="utrecht-table__cell">{referral.organisationName}</td>
                    <td className="utrecht-table__cell">{labels.accessProfile(referral.accessProfile)}</td>
                    <td className="utrecht-table__cell"><ReferralStatusBadge status={referral.status} /></td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(referral.requestedAt)}</td>
                    {mayRespond ? (
                      <td className="utrecht-table__cell">
                        <div className="baken-row-actions">
                          {referral.status === 'requested' ? (
                            <>
                              <Button variant="primary" busy={busyId === referral.id} aria-label={t('referralsPage.acceptNamed', { number })} onClick={() => void quick(referral, 'accept')}>
                                {t('referralsPage.accept')}
                              </Button>
                              <ReasonDialog
                                label={t('referralsPage.decline')}
                                ariaLabel={t('referralsPage.declineNamed', { number })}
                                title={t('referralsPage.declineTitle', { number })}
                                reasonLabel={t('referralsPage.declineReason')}
                                reasonRequired
                                confirmLabel={t('referralsPage.decline')}
                                onConfirm={(reason) => act(referral, 'decline', { reason })}
                              />
                            </>
                          ) : null}
                          {referral.status === 'accepted' ? (
                            <Button variant="secondary" busy={busyId === referral.id} aria-label={t('referralsPage.completeNamed', { number })} onClick={() => void quick(referral, 'complete')}>
                              {t('referralsPage.complete')}
                            </Button>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
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

export function ReferralsPage() {
  return (
    <RequireGrant grant="referral:list">
      <Referrals />
    </RequireGrant>
  );
}
