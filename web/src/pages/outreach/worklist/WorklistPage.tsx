import { useTranslation } from 'react-i18next';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page } from '../../../components/Page.tsx';

/** Placeholder: being built (issue 6). */
export function OutreachWorklistPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-cluster:list">
      <Page title={t('areas.outreachWorklist.title')} />
    </RequireGrant>
  );
}
