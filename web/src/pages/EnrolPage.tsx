import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { clearAfterSignOut, refreshSession } from '../api/session.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { Page } from '../components/Page.tsx';
import { TotpEnrolment } from '../components/TotpEnrolment.tsx';
import { pathForStage, takeTarget } from '../lib/after-login.ts';

/** Sign-in step for roles that require a second factor the user has not set up yet. */
export function EnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function done() {
    const session = await refreshSession(queryClient);
    const path = pathForStage(session);
    announce(t('enrol.done'));
    if (path === '/') await navigate({ href: takeTarget() });
    else await navigate({ to: path });
  }

  async function cancel() {
    try {
      await api('POST', '/api/auth/logout', {});
    } catch {
      // Nothing to undo.
    }
    clearAfterSignOut(queryClient);
    await navigate({ to: '/login' });
  }

  return (
    <Page title={t('enrol.title')} lead={t('enrol.lead')}>
      <TotpEnrolment onDone={() => void done()} onCancel={() => void cancel()} />
    </Page>
  );
}
