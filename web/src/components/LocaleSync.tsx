import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../api/client.ts';
import { SESSION_KEY, useSession } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { changeLocale, currentLocale, takeSignedOutChoice } from '../i18n/index.ts';

/**
 * Which language applies once a user is signed in: a language chosen on the sign-in pages (in this
 * tab) is carried into the account; otherwise the account's language applies, so it is the same
 * on every device. Runs once per signed-in user, so later switches in the header are not undone.
 */
export function LocaleSync() {
  const session = useSession();
  const queryClient = useQueryClient();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (session?.stage !== 'full') {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === session.user.id) return;
    appliedFor.current = session.user.id;
    const chosen = takeSignedOutChoice();
    if (chosen && chosen !== session.user.locale) {
      api('PATCH', '/api/me', { locale: chosen })
        .then(() => queryClient.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user: { ...old.user, locale: chosen } } : old)))
        .catch(() => {});
    } else if (!chosen && session.user.locale !== currentLocale()) {
      void changeLocale(session.user.locale);
    }
  }, [session, queryClient]);
  return null;
}
