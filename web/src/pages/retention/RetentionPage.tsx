import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateRetention, retentionRunsQuery, startRetentionRun, type RetentionRun } from '../../api/rights.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { ConfirmButton } from '../../components/ConfirmDialog.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { RunList } from './RunList.tsx';
import { ReportView } from './ReportView.tsx';

/** Retention: the runs of the daily job and by hand, a dry run on demand, and a real run after confirmation. */
function Retention() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const runs = useQuery(retentionRunsQuery);
  const [latest, setLatest] = useState<RetentionRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayRun = can(session, 'retention:run');

  async function start(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const run = await startRetentionRun(dryRun);
      setLatest(run);
      announce(t(dryRun ? 'retention.dryRunDone' : 'retention.runDone', { records: run.report?.totals.records ?? 0 }));
      await invalidateRetention(queryClient);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('retention.title')} lead={t('retention.lead')} wide>
      {mayRun ? (
        <Section title={t('retention.runNow')}>
          <p className="utrecht-paragraph">{t('retention.runLead')}</p>
          <ErrorAlert error={error} />
          <ButtonGroup>
            <Button variant="primary" busy={busy} onClick={() => void start(true)} data-testid="retention-dry-run">
              {t('retention.dryRun')}
            </Button>
            <ConfirmButton label={t('retention.realRun')} title={t('retention.confirmTitle')} confirmLabel={t('retention.confirm')} onConfirm={() => start(false)} disabled={busy}>
              <p className="utrecht-paragraph">{t('retention.confirmText')}</p>
            </ConfirmButton>
          </ButtonGroup>
          {latest?.report ? (
            <div role="status">
              <h3 className="utrecht-heading-3">{t(latest.dryRun ? 'retention.latestDry' : 'retention.latestReal')}</h3>
              <ReportView report={latest.report} testId="retention-latest" />
            </div>
          ) : null}
        </Section>
      ) : null}
      <Section title={t('retention.runs')}>
        {runs.isPending ? <Loading /> : null}
        <ErrorAlert error={runs.error} />
        {runs.data ? <RunList runs={runs.data.items} /> : null}
      </Section>
    </Page>
  );
}

export function RetentionPage() {
  return (
    <RequireGrant grant="retention:list">
      <Retention />
    </RequireGrant>
  );
}
