import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateCase, withdrawConsent, type CaseDetail, type Consent } from '../../../api/cases.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { Section } from '../../../components/Page.tsx';
import { StatusBadge, TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useProfileLabels } from '../profile.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';
import { formatDate } from '../ui.tsx';
import { ConsentForm } from './ConsentForm.tsx';

const ACTIVE_REFERRAL = ['requested', 'accepted'];

function isActive(consent: Consent): boolean {
  return consent.active ?? !consent.withdrawnAt;
}

/** The consent ledger: every basis per purpose, who recorded it, and withdrawal with its effect. */
export function ConsentsSection({ data, mayRecord, mayWithdraw }: { data: CaseDetail; mayRecord: boolean; mayWithdraw: boolean }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const consents = data.consents ?? [];

  /** Active referrals of this case whose type needs the consent's purpose (and, if scoped, to that organisation). */
  function relying(consent: Consent): number {
    const active = (data.referrals ?? []).filter((referral) => ACTIVE_REFERRAL.includes(referral.status));
    if (active.some((referral) => referral.consentId !== undefined)) return active.filter((referral) => referral.consentId === consent.id).length;
    const types = new Set((labels.profile?.referralTypes ?? []).filter((type) => type.requiredConsents.includes(consent.purpose)).map((type) => type.code));
    return active.filter(
      (referral) => types.has(referral.type) && (!consent.organisationId || !referral.organisationId || referral.organisationId === consent.organisationId),
    ).length;
  }

  async function withdraw(consent: Consent, reason: string) {
    const result = await withdrawConsent(consent.id, reason);
    const revoked = Array.isArray(result.revokedReferrals) ? result.revokedReferrals.length : Number(result.revokedReferrals ?? 0);
    const message = t('consents.withdrawn', { purpose: labels.purpose(consent.purpose), count: revoked });
    setNotice(message);
    announce(message);
    await invalidateCase(queryClient, data.id);
  }

  return (
    <Section title={t('consents.title')}>
      <p className="utrecht-paragraph">{t('consents.lead')}</p>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="consent-notice">{notice}</p>
        </Alert>
      ) : null}
      {consents.length === 0 ? <p className="utrecht-paragraph">{t('consents.empty')}</p> : null}
      {consents.length > 0 ? (
        <TableContainer label={t('consents.title')}>
          <table className="utrecht-table utrecht-table--html-table" data-testid="consents-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('consents.purpose')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('consents.legalBasis')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('consents.organisation')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('consents.givenOn')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('consents.recorded')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('common.status')}</th>
                {mayWithdraw ? <th className="utrecht-table__header-cell" scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {consents.map((consent) => {
                const purpose = labels.purpose(consent.purpose);
                const count = relying(consent);
                return (
                  <tr className="utrecht-table__row" key={consent.id} data-purpose={consent.purpose}>
                    <th className="utrecht-table__cell baken-row-header" scope="row">{purpose}</th>
                    <td className="utrecht-table__cell">{t(`caseCommon.bases.${consent.legalBasis}`, { defaultValue: consent.legalBasis })}</td>
                    <td className="utrecht-table__cell">{consent.organisationName ?? (consent.organisationId ? '' : t('consents.anyOrganisation'))}</td>
                    <td className="utrecht-table__cell baken-nowrap">{formatDate(consent.givenOn)}</td>
                    <td className="utrecht-table__cell">{[consent.recordedAt ? formatDateTime(consent.recordedAt) : '', consent.recordedByName ?? ''].filter(Boolean).join(', ')}{consent.note ? <span className="baken-muted"> – {consent.note}</span> : null}</td>
                    <td className="utrecht-table__cell">
                      {isActive(consent) ? (
                        <StatusBadge tone="success">{t('consents.active')}</StatusBadge>
                      ) : (
                        <>
                          <StatusBadge tone="inactive">{t('consents.withdrawnBadge')}</StatusBadge>{' '}
                          <span className="baken-muted">{[formatDateTime(consent.withdrawnAt), consent.withdrawalReason ?? ''].filter(Boolean).join(': ')}</span>
                        </>
                      )}
                    </td>
                    {mayWithdraw ? (
                      <td className="utrecht-table__cell">
                        {isActive(consent) ? (
                          <ReasonDialog
                            label={t('consents.withdraw')}
                            ariaLabel={t('consents.withdrawNamed', { purpose })}
                            title={t('consents.withdrawTitle', { purpose })}
                            reasonLabel={t('consents.withdrawReason')}
                            reasonRequired
                            confirmLabel={t('consents.withdrawConfirm')}
                            onConfirm={(reason) => withdraw(consent, reason)}
                          >
                            <p className="utrecht-paragraph">{t('consents.withdrawText')}</p>
                            <p className="utrecht-paragraph" data-testid="withdraw-effect">{t('consents.withdrawEffect', { count })}</p>
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
      {mayRecord && !adding ? (
        <ButtonGroup>
          <Button variant="secondary" onClick={() => { setNotice(null); setAdding(true); }}>
            {t('consents.record')}
          </Button>
        </ButtonGroup>
      ) : null}
      {adding ? (
        <ConsentForm
          caseId={data.id}
          onCancel={() => setAdding(false)}
          onSaved={(consent) => {
            setAdding(false);
            const message = t('consents.recordedMessage', { purpose: labels.purpose(consent.purpose) });
            setNotice(message);
            announce(message);
            void invalidateCase(queryClient, data.id);
          }}
        />
      ) : null}
    </Section>
  );
}
