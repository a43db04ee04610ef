import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateSources, issueCredential, revokeCredential, sourcesQuery, type Source } from '../../../api/outreach-import.ts';
import { can, useSession } from '../../../api/session.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { CredentialNotice } from './CredentialNotice.tsx';
import { PurgeSection } from './PurgeSection.tsx';
import { SourceForm } from './SourceForm.tsx';
import { SourceTable } from './SourceTable.tsx';

/** Sources of ads and their ingestion credentials; the retention purge for those who may run it. */
function Sources() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const sources = useQuery(sourcesQuery);
  const [issued, setIssued] = useState<{ code: string; token: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayManage = can(session, 'outreach-source:manage');

  async function issue(source: Source) {
    setError(null);
    try {
      const result = await issueCredential(source.id);
      setIssued({ code: result.source.code, token: result.token });
      await invalidateSources(queryClient);
    } catch (caught) {
      setError(caught);
    }
  }

  async function revoke(source: Source) {
    setError(null);
    try {
      await revokeCredential(source.id);
      announce(t('outreachImport.sources.revoked', { code: source.code }));
      await invalidateSources(queryClient);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Page title={t('areas.outreachSources.title')} lead={t('outreachImport.sources.lead')} wide>
      <Section title={t('outreachImport.sources.listTitle')}>
        <ErrorAlert error={error} />
        {issued ? <CredentialNotice code={issued.code} token={issued.token} onDone={() => setIssued(null)} /> : null}
        {sources.isPending ? <Loading /> : null}
        <ErrorAlert error={sources.error} />
        {sources.data ? <SourceTable sources={sources.data.items} mayManage={mayManage} onIssue={issue} onRevoke={revoke} /> : null}
      </Section>
      {mayManage ? (
        <Section title={t('outreachImport.sources.addTitle')}>
          <SourceForm />
        </Section>
      ) : null}
      {can(session, 'outreach-ad:purge') ? (
        <Section title={t('outreachImport.purge.title')}>
          <PurgeSection />
        </Section>
      ) : null}
    </Page>
  );
}

export function OutreachSourcesPage() {
  return (
    <RequireGrant grant="outreach-source:list">
      <Sources />
    </RequireGrant>
  );
}
