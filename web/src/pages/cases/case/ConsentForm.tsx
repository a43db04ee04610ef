import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryQuery, recordConsent, type Consent } from '../../../api/cases.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { PanelHeading } from '../../../components/PanelHeading.tsx';
import { formErrors } from '../../../lib/problems.ts';
import { basisCode, useProfileLabels } from '../profile.ts';
import { today } from '../ui.tsx';

const FIELDS = ['purpose', 'legalBasis', 'organisationId', 'givenOn', 'note'] as const;

/** Records a consent or other legal basis for one purpose, optionally for one organisation. */
export function ConsentForm({ caseId, onSaved, onCancel }: { caseId: string; onSaved: (consent: Consent) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = useProfileLabels();
  const organisations = useQuery(directoryQuery());
  const [v, setV] = useState({ purpose: '', legalBasis: '', organisationId: '', givenOn: today(), note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const purpose = labels.profile?.consentPurposes.find((p) => p.code === v.purpose);
  const bases = purpose?.bases.map(basisCode) ?? [];
  const set = (field: keyof typeof v) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.purpose) missing.purpose = t('form.requiredChoice', { field: t('consents.purpose') });
    if (!v.legalBasis) missing.legalBasis = t('form.requiredChoice', { field: t('consents.legalBasis') });
    if (!v.givenOn) missing.givenOn = t('form.requiredField', { field: t('consents.givenOn') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const consent = await recordConsent(caseId, {
        purpose: v.purpose,
        legalBasis: v.legalBasis,
        givenOn: v.givenOn,
        ...(v.organisationId ? { organisationId: v.organisationId } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      });
      onSaved(consent);
    } catch (caught) {
      const split = formErrors(caught, FIELDS);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="consent-form-title">
      <PanelHeading id="consent-form-title">{t('consents.recordTitle')}</PanelHeading>
      <ErrorAlert error={error} />
      <SelectField
        label={t('consents.purpose')}
        name="purpose"
        required
        value={v.purpose}
        onChange={(event) => {
          const next = labels.profile?.consentPurposes.find((p) => p.code === event.target.value);
          const nextBases = next?.bases.map(basisCode) ?? [];
          setV((old) => ({ ...old, purpose: event.target.value, legalBasis: nextBases.length === 1 ? (nextBases[0] ?? '') : '' }));
        }}
        error={errors.purpose}
      >
        <option value="">{t('form.choose')}</option>
        {labels.options(labels.profile?.consentPurposes).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </SelectField>
      <SelectField label={t('consents.legalBasis')} name="legalBasis" required value={v.legalBasis} onChange={set('legalBasis')} error={errors.legalBasis} disabled={!purpose}>
        <option value="">{t('form.choose')}</option>
        {bases.map((basis) => <option key={basis} value={basis}>{t(`caseCommon.bases.${basis}`, { defaultValue: basis })}</option>)}
      </SelectField>
      <SelectField label={t('consents.organisation')} name="organisationId" value={v.organisationId} onChange={set('organisationId')} error={errors.organisationId} description={t('consents.organisationHint')}>
        <option value="">{t('consents.anyOrganisation')}</option>
        {(organisations.data?.items ?? []).map((organisation) => <option key={organisation.id} value={organisation.id}>{organisation.name}</option>)}
      </SelectField>
      <TextField label={t('consents.givenOn')} name="givenOn" type="date" required value={v.givenOn} onChange={set('givenOn')} error={errors.givenOn} />
      <TextField label={t('consents.note')} name="note" autoComplete="off" value={v.note} onChange={set('note')} error={errors.note} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('consents.save')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}
