import { useTranslation } from 'react-i18next';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page } from '../../../components/Page.tsx';

/** Placeholder: being built (issue 6). */
export function OutreachFunnelPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-funnel:read">
      <Page title={t('areas.outreachFunnel.title')} />
    </RequireGrant>
  );
}
