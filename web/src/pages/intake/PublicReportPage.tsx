import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicReportResult } from '../../api/intake.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { PublicFrame } from './public/PublicFrame.tsx';
import { ReportForm } from './public/ReportForm.tsx';
import { ReportReceived } from './public/ReportReceived.tsx';

/**
 * The public page (no account): a self-report or a tip about someone else. Nothing is kept in the
 * browser; the answer is the same whether or not the person is already known.
 */
export function PublicReportPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [result, setResult] = useState<PublicReportResult | null>(null);

  return (
    <PublicFrame title={t('publicReport.title')} lead={result ? undefined : t('publicReport.lead')}>
      {result ? (
        <ReportReceived result={result} />
      ) : (
        <>
          <p className="utrecht-paragraph">{t('publicReport.intro')}</p>
          <ReportForm
            onReceived={(received) => {
              setResult(received);
              announce(t('publicReport.received.title'));
            }}
          />
        </>
      )}
    </PublicFrame>
  );
}
