import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actOnReferral, invalidateCase, type CaseDetail } from '../../../api/cases.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { Section } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useProfileLabels } from '../profile.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { ReferralStatusBadge } from '../ReferralStatusBadge.tsx';
import { ReferralForm } from './ReferralForm.tsx';

type Grants = { mayCreate: boolean; mayRevoke: boolean; mayOverride: boolean };

/** All referrals of the case, a new referral (consent gate) and revocation with a reason. */
export function ReferralsSection({ data, grants }: { data: CaseDetail; grants: Grants }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const referrals = data.referrals ?? [];

  function done(message: string) {
    setNotice(message);
    announce(message);
    void invalidateCase(queryClient, data.id);
  }

  return (
    <Section title={t('caseReferrals.title')}>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="referral-notice">{notice}</p>
        </Alert>
      ) : null}
      {referrals.length === 0 ? <p className="utrecht-paragraph">{t('caseReferrals.empty')}</p> : null}
      {referrals.length > 0 ? (
        <TableContainer label={t('caseReferrals.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="case-referrals">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.type')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.organisation')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.accessProfile')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.requestedAt')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseReferrals.details')}</th>
                {grants.mayRevoke ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {referrals.map((referral) => {
                const name = `${labels.referralType(referral.type)} – ${referral.organisationName}`;
                return (
                  <tr className="utrecht-table__row" key={referral.id}>
                    <th className="utrecht-table__cell baken-row-header" scope="row">{labels.referralType(referral.type)}</th>
                    <td className="utrecht-table__cell">{referral.organisationName}</td>
                    <td className="utrecht-table__cell">{labels.accessProfile(referral.accessProfile)}</td>
                    <td className="utrecht-table__cell"><ReferralStatusBadge status={referral.status} /></td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDateTime(referral.requestedAt)}</td>
                    <td className="utrecht-table__cell">
                      {[referral.note, referral.responseNote, referral.declineReason, referral.revokeReason].filter(Boolean).join(' – ')}
                      {referral.overrideReason ? <span className="baken-muted"> {t('caseReferrals.overridden', { reason: referral.overrideReason })}</span> : null}
                    </td>
                    {grants.mayRevoke ? (
                      <td className="utrecht-table__cell">
                        {referral.status === 'requested' || referral.status === 'accepted' ? (
                          <ReasonDialog
                            label={t('caseReferrals.revoke')}
                            ariaLabel={t('caseReferrals.revokeNamed', { name })}
                            title={t('caseReferrals.revokeTitle', { name })}
                            reasonLabel={t('caseReferrals.revokeReason')}
                            reasonRequired
                            confirmLabel={t('caseReferrals.revoke')}
                            onConfirm={async (reason) => {
                              await actOnReferral(referral.id, 'revoke', { reason });
                              done(t('caseReferrals.revoked', { name }));
                            }}
                          >
                            <p className="utrecht-paragraph">{t('caseReferrals.revokeText')}</p>
                          </ReasonDialog>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {grants.mayCreate && !adding ? (
        <ButtonGroup>
          <Button variant="secondary" onClick={() => { setNotice(null); setAdding(true); }}>{t('caseReferrals.new')}</Button>
        </ButtonGroup>
      ) : null}
      {adding ? (
        <ReferralForm
          caseId={data.id}
          mayOverride={grants.mayOverride}
          onCancel={() => setAdding(false)}
          onSaved={(referral) => {
            setAdding(false);
            done(t('caseReferrals.created', { name: `${labels.referralType(referral.type)} – ${referral.organisationName}` }));
          }}
        />
      ) : null}
    </Section>
  );
}
