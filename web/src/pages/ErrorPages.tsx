import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Page } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errorPage.notFoundTitle')}>
      <p className="utrecht-paragraph">{t('errorPage.notFoundText')}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link utrecht-link--html-a">
          {t('errorPage.toHome')}
        </Link>
      </p>
    </Page>
  );
}

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Page title={t('errorPage.title')}>
      <ErrorAlert error={error} />
      <Button variant="primary" onClick={() => (reset ? reset() : window.location.reload())}>
        {t('common.retry')}
      </Button>
    </Page>
  );
}

/** Shown instead of a page whose grant the user lacks (the navigation hides it already). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errorPage.forbiddenTitle')}>
      <p className="utrecht-paragraph">{t('errorPage.forbiddenText')}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link utrecht-link--html-a">
          {t('errorPage.toHome')}
        </Link>
      </p>
    </Page>
  );
}
