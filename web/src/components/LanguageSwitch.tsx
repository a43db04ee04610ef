import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { SESSION_KEY, useSession } from '../api/session.ts';
import type { Locale, Session } from '../api/types.ts';
import { changeLocale, LOCALES } from '../i18n/index.ts';
import { useAnnounce } from './Announcer.tsx';

/** Language choice: remembered on this device and, when signed in, on the account (PATCH /api/me). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function choose(locale: Locale) {
    if (locale === i18n.language) return;
    const signedIn = session?.stage === 'full';
    await changeLocale(locale, { signedOutChoice: !signedIn });
    announce(t('language.changed'));
    if (signedIn) {
      try {
        await api('PATCH', '/api/me', { locale });
        queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user: { ...old.user, locale } } : old));
      } catch {
        // The device keeps the choice; the account keeps its old language until the next change.
      }
    }
  }

  return (
    <nav className="baken-language" aria-label={t('language.label')}>
      <ul className="baken-language__list">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <button
              type="button"
              lang={locale}
              className="utrecht-link-button utrecht-link-button--html-button baken-language__button"
              aria-pressed={i18n.language === locale}
              onClick={() => void choose(locale)}
            >
              {t(`language.name.${locale}`, { lng: locale })}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
