import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page.tsx';
import '../intake.css';

/** A neutral site to leave for; `replace` keeps this page out of the back button's history. */
export const QUICK_EXIT_URL = 'https://www.google.com/';

export function QuickExit() {
  const { t } = useTranslation();
  return (
    <div className="baken-public-exit">
      <a
        href={QUICK_EXIT_URL}
        rel="noreferrer"
        data-testid="quick-exit"
        onClick={(event) => {
          event.preventDefault();
          window.location.replace(QUICK_EXIT_URL);
        }}
      >
        {t('publicReport.quickExit')}
      </a>
    </div>
  );
}

/** The frame of the public pages: a quick way out, the page, and what happens to what you write. */
export function PublicFrame({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="baken-public">
      <QuickExit />
      <Page title={title} lead={lead}>
        {children}
        <section className="baken-section" aria-labelledby="public-safety-heading">
          <h2 className="utrecht-heading-2" id="public-safety-heading">
            {t('publicReport.safety.title')}
          </h2>
          <p className="utrecht-paragraph">{t('publicReport.safety.notStored')}</p>
          <p className="utrecht-paragraph">{t('publicReport.safety.history')}</p>
          <p className="utrecht-paragraph">{t('publicReport.safety.emergency')}</p>
        </section>
      </Page>
    </div>
  );
}
