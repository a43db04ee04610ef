import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ORGANISATION_TYPES, type Organisation } from '../../api/types.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { PanelHeading } from '../../components/PanelHeading.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { formErrors } from '../../lib/problems.ts';
import { organisationTypeLabel } from '../../lib/labels.ts';

type Props = {
  /** Absent: create a new organisation. */
  organisation?: Organisation;
  onSaved: (organisation: Organisation) => void;
  onCancel: () => void;
};

export function OrganisationForm({ organisation, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(organisation?.name ?? '');
  const [type, setType] = useState(organisation?.type ?? '');
  const [region, setRegion] = useState(organisation?.region ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editing = !!organisation;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('form.requiredField', { field: t('organisations.name') });
    if (!editing && !type) missing.type = t('form.requiredChoice', { field: t('organisations.type') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const saved = editing
        ? await api<Organisation>('PATCH', `/api/admin/organisations/${encodeURIComponent(organisation.id)}`, { name: name.trim(), ...(region.trim() !== (organisation.region ?? '') ? { region: region.trim() || null } : {}) })
        : await api<Organisation>('POST', '/api/admin/organisations', { name: name.trim(), type, ...(region.trim() ? { region: region.trim() } : {}) });
      onSaved(saved);
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, ['name', 'type', 'region']);
      setErrors(fieldErrors);
      setError(formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="organisation-form-title">
      <PanelHeading id="organisation-form-title">
        {editing ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.createTitle')}
      </PanelHeading>
      <ErrorAlert error={error} />
      <TextField label={t('organisations.name')} name="name" required value={name} onChange={(event) => setName(event.target.value)} error={errors.name} autoComplete="off" />
      {editing ? (
        <p className="utrecht-paragraph">
          {t('organisations.type')}: {organisationTypeLabel(t, organisation.type)}
        </p>
      ) : (
        <SelectField label={t('organisations.type')} name="type" required value={type} onChange={(event) => setType(event.target.value)} error={errors.type}>
          <option value="">{t('form.choose')}</option>
          {ORGANISATION_TYPES.map((value) => (
            <option key={value} value={value}>
              {organisationTypeLabel(t, value)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t('organisations.region')} name="region" value={region} onChange={(event) => setRegion(event.target.value)} error={errors.region} autoComplete="off" />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {editing ? t('common.save') : t('organisations.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
