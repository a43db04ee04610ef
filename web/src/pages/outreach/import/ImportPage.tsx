import { useTranslation } from 'react-i18next';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page } from '../../../components/Page.tsx';

/** Placeholder: being built (issue 6). */
export function OutreachImportPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-ad:import">
      <Page title={t('areas.outreachImport.title')} />
    </RequireGrant>
  );
}
