import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { clearAfterSignOut, useSession } from '../api/session.ts';
import { useAnnounce } from './Announcer.tsx';

/** Who is signed in, a link to "My account" and the sign-out button. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  if (!session) return null;

  async function signOut() {
    setBusy(true);
    try {
      await api('POST', '/api/auth/logout', {});
    } catch {
      // Signed out already or the server is unreachable; either way forget the session here.
    } finally {
      setBusy(false);
    }
    clearAfterSignOut(queryClient);
    announce(t('auth.signedOut'));
    await navigate({ to: '/login' });
  }

  return (
    <div className="baken-user-menu">
      {session.stage === 'full' ? (
        <>
          <span className="baken-user-menu__name">
            <span className="visually-hidden">{t('userMenu.signedInAs')} </span>
            {session.user.displayName}
          </span>
          <Link to="/account" className="utrecht-link utrecht-link--html-a baken-user-menu__link" activeProps={{ 'aria-current': 'page' }}>
            {t('userMenu.account')}
          </Link>
        </>
      ) : null}
      <button type="button" className="utrecht-link-button utrecht-link-button--html-button baken-user-menu__link" onClick={() => void signOut()} disabled={busy}>
        {t('userMenu.signOut')}
      </button>
    </div>
  );
}
