import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { areasFor } from '../lib/areas.ts';

/** The main navigation: only the areas the signed-in user's grants open. */
export function MainNav() {
  const { t } = useTranslation();
  const session = useSession();
  if (session?.stage !== 'full') return null;
  const areas = areasFor(session);
  return (
    <nav className="utrecht-nav-bar baken-nav" aria-label={t('nav.label')}>
      <div className="utrecht-nav-bar__content baken-nav__content">
        <ul className="utrecht-nav-list">
          <li className="utrecht-nav-list__item">
            <Link to="/" className="utrecht-nav-list__link baken-nav__link" activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
              {t('nav.home')}
            </Link>
          </li>
          {areas.map((area) => (
            <li className="utrecht-nav-list__item" key={area.id}>
              <Link
                to={area.path}
                className="utrecht-nav-list__link baken-nav__link"
                activeOptions={{ exact: area.path === '/outreach' }}
                activeProps={{ 'aria-current': 'page' }}
              >
                {t(`areas.${area.id}.nav`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
