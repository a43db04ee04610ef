import { useTranslation } from 'react-i18next';
import { exportUrl } from '../../../../api/rights.ts';

/**
 * Download links for the person's data (right of access). Plain links with `download`: the browser
 * fetches the attachment with the session cookie, and the server audits each export.
 */
export function ExportLinks({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const className = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';
  return (
    <>
      <h3 className="utrecht-heading-3">{t('rights.export.title')}</h3>
      <p className="utrecht-paragraph">{t('rights.export.lead')}</p>
      <div className="utrecht-button-group baken-button-group">
        <a className={className} href={exportUrl(caseId, 'json')} download data-testid="export-json">
          {t('rights.export.json')}
        </a>
        <a className={className} href={exportUrl(caseId, 'html', lang)} download data-testid="export-html">
          {t('rights.export.html')}
        </a>
      </div>
      <p className="utrecht-paragraph">{t('rights.export.documentsNote')}</p>
    </>
  );
}
