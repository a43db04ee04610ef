import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeDossierType, invalidateCase, type CaseDetail } from '../../../api/cases.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formErrors } from '../../../lib/problems.ts';
import { useProfileLabels } from '../profile.ts';
import { TextAreaField } from '../ui.tsx';

/** The dossier type now, how it changed, and (with case:update) a change with a reason. */
export function DossierSection({ data, mayChange }: { data: CaseDetail; mayChange: boolean }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [dossierType, setDossierType] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!dossierType) missing.dossierType = t('form.requiredChoice', { field: t('caseFields.dossierType') });
    if (!reason.trim()) missing.reason = t('form.requiredField', { field: t('dossier.reason') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await changeDossierType(data.id, { dossierType, reason: reason.trim() });
      const message = t('dossier.changed', { type: labels.dossierType(dossierType) });
      setNotice(message);
      announce(message);
      setOpen(false);
      setReason('');
      await invalidateCase(queryClient, data.id);
    } catch (caught) {
      const split = formErrors(caught, ['dossierType', 'reason']);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('dossier.title')}>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph" data-testid="dossier-type">
        {t('dossier.current', { type: labels.dossierType(data.dossierType) })}
      </p>
      {data.dossierHistory.length > 0 ? (
        <TableContainer label={t('dossier.history')}>
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">{t('dossier.history')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('dossier.when')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('caseFields.dossierType')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('dossier.reason')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('dossier.by')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.dossierHistory.map((entry, index) => (
                <tr className="utrecht-table__row" key={`${entry.changedAt}-${index}`}>
                  <td className="utrecht-table__cell baken-nowrap">{formatDateTime(entry.changedAt)}</td>
                  <td className="utrecht-table__cell">{labels.dossierType(entry.dossierType)}</td>
                  <td className="utrecht-table__cell">{entry.reason ?? ''}</td>
                  <td className="utrecht-table__cell">{entry.changedByName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {mayChange && !open ? (
        <ButtonGroup>
          <Button variant="secondary" onClick={() => { setNotice(null); setOpen(true); }}>
            {t('dossier.change')}
          </Button>
        </ButtonGroup>
      ) : null}
      {open ? (
        <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-label={t('dossier.change')}>
          <ErrorAlert error={error} />
          <SelectField label={t('dossier.newType')} name="dossierType" required value={dossierType} onChange={(event) => setDossierType(event.target.value)} error={errors.dossierType}>
            <option value="">{t('form.choose')}</option>
            {labels.options(labels.profile?.dossierTypes).filter((o) => o.code !== data.dossierType).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </SelectField>
          <TextAreaField label={t('dossier.reason')} name="reason" required value={reason} onChange={(event) => setReason(event.target.value)} error={errors.reason} />
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>{t('dossier.save')}</Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </ButtonGroup>
        </form>
      ) : null}
    </Section>
  );
}
