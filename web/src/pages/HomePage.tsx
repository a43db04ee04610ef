import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { Alert } from '../components/Alert.tsx';
import { Page, Section } from '../components/Page.tsx';
import { areasFor } from '../lib/areas.ts';
import { organisationTypeLabel, roleLabel, scopeLabel } from '../lib/labels.ts';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  const areas = areasFor(session);

  return (
    <Page title={t('home.greeting', { name: user.displayName })}>
      {user.secondFactorRequired && !user.totpEnabled ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('home.secondFactorMissing')}</p>
        </Alert>
      ) : null}
      <dl className="utrecht-data-list utrecht-data-list--rows baken-facts">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('home.organisation')}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {user.organisation.name} <span className="baken-muted">({organisationTypeLabel(t, user.organisation.type)})</span>
          </dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('home.role')}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {roleLabel(t, user.role)} <span className="baken-muted">({t('home.scope', { scope: scopeLabel(t, user.role.scope) })})</span>
          </dd>
        </div>
      </dl>

      <Section title={t('home.areasTitle')}>
        {areas.length === 0 ? (
          <p className="utrecht-paragraph" data-testid="no-areas">
            {t('home.noAreas')}
          </p>
        ) : (
          <ul className="baken-cards" data-testid="areas">
            {areas.map((area) => (
              <li key={area.id} className="baken-card">
                <h3 className="utrecht-heading-3 baken-card__title">
                  <Link to={area.path} className="utrecht-link utrecht-link--html-a">
                    {t(`areas.${area.id}.title`)}
                  </Link>
                </h3>
                <p className="utrecht-paragraph">{t(`areas.${area.id}.description`)}</p>
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph">
          <Link to="/account" className="utrecht-link utrecht-link--html-a">
            {t('home.accountLink')}
          </Link>
        </p>
      </Section>
    </Page>
  );
}
