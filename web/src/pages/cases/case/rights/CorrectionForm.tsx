import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateCase, type CaseDetail } from '../../../../api/cases.ts';
import { correctCase, IDENTITY_FIELDS, PERSON_FIELDS, type CorrectableField, type FieldValue } from '../../../../api/rights.ts';
import { ErrorAlert } from '../../../../components/Alert.tsx';
import { useAnnounce } from '../../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { SelectField, TextField } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { TextAreaField } from '../../ui.tsx';
import { CHANNELS, FIELD_KINDS, fromInput, SEXES, toInput, useFormatValue } from './correction-fields.ts';

const FORM_FIELDS = ['changes.0.field', 'changes.0.value', 'reason'] as const;

function currentOf(data: CaseDetail, field: CorrectableField): FieldValue | undefined {
  const group = ((IDENTITY_FIELDS as readonly string[]).includes(field) ? data.identity : data.person) as Record<string, unknown> | undefined;
  return group?.[field] as FieldValue | undefined;
}

/** Corrects one person field of a case, with a mandatory reason (kept with the old and new value). */
export function CorrectionForm({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const formatValue = useFormatValue();
  const [field, setField] = useState<CorrectableField | ''>('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kind = field ? FIELD_KINDS[field] : null;
  const current = field ? currentOf(data, field) : undefined;

  function pick(next: CorrectableField | '') {
    setField(next);
    setValue(next ? toInput(FIELD_KINDS[next], currentOf(data, next)) : '');
    setErrors({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!field) missing['changes.0.field'] = t('form.requiredChoice', { field: t('rights.correction.field') });
    if (!reason.trim()) missing.reason = t('form.requiredField', { field: t('rights.correction.reason').toLowerCase() });
    setErrors(missing);
    setError(null);
    if (!field || Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await correctCase(data.id, { changes: [{ field, value: fromInput(FIELD_KINDS[field], value) }], reason: reason.trim() });
      announce(t('rights.correction.saved'));
      setField('');
      setValue('');
      setReason('');
      // Also refreshes the history (its query key starts with the case's).
      await invalidateCase(queryClient, data.id);
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, FORM_FIELDS);
      // The server's "already the value" problem, in the interface language.
      if (/nothing to correct/.test(fieldErrors['changes.0.value'] ?? '')) fieldErrors['changes.0.value'] = t('rights.correction.noChange');
      setErrors(fieldErrors);
      setError(formError);
    } finally {
      setBusy(false);
    }
  }

  const valueError = errors['changes.0.value'];
  const valueLabel = t('rights.correction.newValue');
  let input;
  if (kind === 'sex' || kind === 'channel' || kind === 'boolean' || kind === 'optional-boolean') {
    const options =
      kind === 'sex' ? SEXES.map((c) => [c, t(`caseCommon.sexes.${c}`)])
      : kind === 'channel' ? CHANNELS.map((c) => [c, t(`caseCommon.safeContact.${c}`)])
      : [['true', t('common.yes')], ['false', t('common.no')]];
    input = (
      <SelectField label={valueLabel} name="value" value={value} onChange={(e) => setValue(e.target.value)} error={valueError} required={kind === 'boolean'}>
        {kind === 'boolean' ? null : <option value="">{t('rights.correction.empty')}</option>}
        {options.map(([code, label]) => (
          <option key={code} value={code}>{label}</option>
        ))}
      </SelectField>
    );
  } else if (kind) {
    input = (
      <TextField
        label={valueLabel}
        name="value"
        type={kind === 'date' ? 'date' : kind === 'number' ? 'number' : 'text'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={valueError}
        description={kind === 'list' ? t('rights.correction.listHint') : t('rights.correction.emptyHint')}
        autoComplete="off"
      />
    );
  }

  return (
    <form className="utrecht-form" noValidate onSubmit={(event) => void submit(event)} data-testid="correction-form">
      <ErrorAlert error={error} />
      <SelectField label={t('rights.correction.field')} name="field" value={field} required onChange={(e) => pick(e.target.value as CorrectableField | '')} error={errors['changes.0.field']}>
        <option value="">{t('rights.correction.chooseField')}</option>
        {[...IDENTITY_FIELDS, ...PERSON_FIELDS].map((f) => (
          <option key={f} value={f}>{t(`caseFields.${f}`)}</option>
        ))}
      </SelectField>
      {field ? (
        <p className="utrecht-paragraph" data-testid="correction-current">
          {t('rights.correction.current')}: {formatValue(field, current ?? null)}
        </p>
      ) : null}
      {input}
      <TextAreaField label={t('rights.correction.reason')} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {t('rights.correction.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
