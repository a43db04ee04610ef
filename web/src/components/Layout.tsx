import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';

function userHasInteracted(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation ? activation.hasBeenActive : true;
}

/** Page frame: skip link, header (name, language, user menu), main navigation, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const firstRender = useRef(true);
  // The public report pages may be seen by someone looking over the person's shoulder or reading
  // their phone: there the frame says nothing about trafficking.
  const isPublic = pathname === '/report' || pathname.startsWith('/report/');

  // After client-side navigation, move focus to the new page's heading so screen-reader and
  // keyboard users start at the top of the new content (as after a full page load). Not before the
  // user has interacted with the page: redirects while loading must leave the skip link first.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!userHasInteracted()) return;
    // The heading may render only once the page's data has loaded: look for it for up to two seconds.
    let tries = 0;
    let timer = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
      if (heading) heading.focus();
      else if (tries++ < 40) timer = window.setTimeout(focusHeading, 50);
    };
    timer = window.setTimeout(focusHeading, 0);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  function skipToMain(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  return (
    <div className="baken-frame">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main" onClick={skipToMain}>
        {t('layout.skipToMain')}
      </a>
      <header className="utrecht-page-header baken-header">
        <div className="utrecht-page-header__content baken-header__content">
          <div className="baken-brand">
            <span className="baken-brand__mark" aria-hidden="true" />
            <span className="baken-brand__text">
              <span className="baken-brand__name">{t('app.name')}</span>
              <span className="baken-brand__tagline">{isPublic ? t('layout.publicTagline') : t('app.tagline')}</span>
            </span>
          </div>
          <div className="baken-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <MainNav />
      <main id="main" tabIndex={-1} className="utrecht-page-content baken-main">
        <Outlet />
      </main>
      <footer className="utrecht-page-footer baken-footer">
        <div className="utrecht-page-footer__content baken-footer__content">
          <p className="utrecht-paragraph">{isPublic ? t('layout.publicFooter') : t('layout.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
