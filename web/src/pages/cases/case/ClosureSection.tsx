import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeOrReopenCase, invalidateCase, type CaseDetail } from '../../../api/cases.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { ReasonDialog } from '../ReasonDialog.tsx';

type Props = { data: CaseDetail; mayClose: boolean; mayReopen: boolean };

/** Closing a case (with a reason; active referrals end) and reopening it. */
export function ClosureSection({ data, mayClose, mayReopen }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [notice, setNotice] = useState<string | null>(null);
  const closed = data.status === 'closed';
  if (!closed && !mayClose) return null;

  async function act(action: 'close' | 'reopen', reason: string) {
    await closeOrReopenCase(data.id, action, reason);
    const message = t(action === 'close' ? 'caseClosure.closed' : 'caseClosure.reopened');
    setNotice(message);
    announce(message);
    void invalidateCase(queryClient, data.id);
  }

  return (
    <Section title={t('caseClosure.title')}>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="closure-notice">{notice}</p>
        </Alert>
      ) : null}
      {closed ? (
        <p className="utrecht-paragraph" data-testid="closure-info">
          {t('caseClosure.closedOn', { date: data.closedAt ? formatDateTime(data.closedAt) : '' })} {data.closureReason ?? ''}
        </p>
      ) : null}
      {!closed && mayClose ? (
        <ReasonDialog
          label={t('caseClosure.close')}
          title={t('caseClosure.closeTitle', { number: data.caseNumber })}
          reasonLabel={t('caseClosure.reason')}
          reasonRequired
          confirmLabel={t('caseClosure.close')}
          onConfirm={(reason) => act('close', reason)}
        >
          <p className="utrecht-paragraph">{t('caseClosure.closeText')}</p>
        </ReasonDialog>
      ) : null}
      {closed && mayReopen ? (
        <ReasonDialog
          label={t('caseClosure.reopen')}
          title={t('caseClosure.reopenTitle', { number: data.caseNumber })}
          reasonLabel={t('caseClosure.reason')}
          reasonRequired
          confirmLabel={t('caseClosure.reopen')}
          variant="secondary"
          onConfirm={(reason) => act('reopen', reason)}
        />
      ) : null}
    </Section>
  );
}
