import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { purgeAds, type PurgeResult } from '../../../api/outreach-import.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { ConfirmButton } from '../../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../../lib/format.ts';

/** The retention purge by hand: count first (dry run), delete after confirmation. */
export function PurgeSection() {
  const { t } = useTranslation();
  const [result, setResult] = useState<PurgeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      setResult(await purgeAds(dryRun));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="utrecht-paragraph">{t('outreachImport.purge.lead')}</p>
      <ErrorAlert error={error} />
      <ButtonGroup>
        <Button variant="primary" busy={busy} onClick={() => void run(true)} data-testid="purge-dry-run">{t('outreachImport.purge.dryRun')}</Button>
        <ConfirmButton label={t('outreachImport.purge.run')} title={t('outreachImport.purge.confirmTitle')} confirmLabel={t('outreachImport.purge.confirm')} onConfirm={() => run(false)} disabled={busy}>
          <p className="utrecht-paragraph">{t('outreachImport.purge.confirmText')}</p>
        </ConfirmButton>
      </ButtonGroup>
      <p className="utrecht-paragraph" role="status" data-testid="purge-result">
        {result
          ? t(result.dryRun ? 'outreachImport.purge.resultDry' : 'outreachImport.purge.resultReal', {
              clusters: result.clusters,
              ads: result.ads,
              versions: result.versions,
              cutoff: formatDateTime(result.cutoff),
              days: result.retentionDays,
            })
          : null}
      </p>
    </>
  );
}
