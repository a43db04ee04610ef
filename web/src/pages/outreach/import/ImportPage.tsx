import { useTranslation } from 'react-i18next';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { ImportRunList } from './ImportRunList.tsx';
import { UploadPanel } from './UploadPanel.tsx';

/** Import of ads: upload a file with progress, and the recent imports of every way in. */
export function OutreachImportPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-ad:import">
      <Page title={t('areas.outreachImport.title')} lead={t('outreachImport.lead')} wide>
        <Section title={t('outreachImport.upload.title')}>
          <UploadPanel />
        </Section>
        <Section title={t('outreachImport.runs.title')}>
          <ImportRunList />
        </Section>
      </Page>
    </RequireGrant>
  );
}
