import { useTranslation } from 'react-i18next';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page } from '../../../components/Page.tsx';

/** Placeholder: being built (issue 6). */
export function OutreachContactsPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-contact:list">
      <Page title={t('areas.outreachContacts.title')} />
    </RequireGrant>
  );
}
