import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { Page, Section } from '../components/Page.tsx';
import { roleLabel } from '../lib/labels.ts';
import { SessionsSection } from './account/SessionsSection.tsx';
import { TwoFactorSection } from './account/TwoFactorSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <Page title={t('account.title')} wide>
      <Section title={t('account.profile')}>
        <dl className="utrecht-data-list utrecht-data-list--rows baken-facts">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('account.name')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{user.displayName}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('account.email')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{user.email}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('home.organisation')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{user.organisation.name}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t('home.role')}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{roleLabel(t, user.role)}</dd>
          </div>
        </dl>
      </Section>
      <TwoFactorSection />
      <SessionsSection />
    </Page>
  );
}
