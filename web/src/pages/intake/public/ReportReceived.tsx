import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicReportResult } from '../../../api/intake.ts';
import { PanelHeading } from '../../../components/PanelHeading.tsx';

/** The reference code, big and clear, with advice to keep it somewhere safe. */
export function ReportReceived({ result }: { result: PublicReportResult }) {
  const { t } = useTranslation();
  return (
    <section className="baken-section" aria-labelledby="report-received-heading" data-testid="report-received">
      <PanelHeading id="report-received-heading">{t('publicReport.received.title')}</PanelHeading>
      <p className="utrecht-paragraph">{t('publicReport.received.thanks')}</p>
      <p className="utrecht-paragraph" id="reference-code-label">
        {t('publicReport.received.codeLabel')}
      </p>
      <p className="baken-intake-reference" data-testid="reference-code" translate="no">
        {result.referenceCode}
      </p>
      <p className="utrecht-paragraph">
        <strong>{t('publicReport.received.writeDown')}</strong>
      </p>
      <p className="utrecht-paragraph">{t('publicReport.received.next')}</p>
      <p className="utrecht-paragraph">
        <Link to="/report/follow-up" className="utrecht-link utrecht-link--html-a">
          {t('publicReport.received.followUpLink')}
        </Link>
      </p>
    </section>
  );
}
