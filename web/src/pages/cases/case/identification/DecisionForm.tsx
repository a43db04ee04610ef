import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseIdentification, DecisionInput, IdentificationStage } from '../../../../api/identification.ts';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { SelectField, TextField } from '../../../../components/fields.tsx';
import { PanelHeading } from '../../../../components/PanelHeading.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { CheckboxGroup, formatDate, TextAreaField, today } from '../../ui.tsx';
import { useLabel } from './labels.ts';
import { ServerProblem } from './ServerProblem.tsx';

type Props = {
  /** Unique per form on the page (the heading's id). */
  formId: string;
  title: string;
  stage: IdentificationStage;
  documents: CaseIdentification['documents'];
  onSubmit: (input: DecisionInput) => Promise<void>;
  onCancel: () => void;
};

/** Outcome, date, reasons and documents relied on: the same form for a decision and a review decision. */
export function DecisionForm({ formId, title, stage, documents, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [v, setV] = useState({ outcome: '', decidedOn: today(), reasons: '' });
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (event: { target: { value: string } }) => setV((old) => ({ ...old, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.outcome) missing.outcome = t('form.requiredChoice', { field: t('identification.outcome') });
    if (!v.decidedOn) missing.decidedOn = t('form.requiredField', { field: t('identification.decidedOn') });
    if (!v.reasons.trim()) missing.reasons = t('form.requiredField', { field: t('identification.reasons') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({ outcome: v.outcome, decidedOn: v.decidedOn, reasons: v.reasons.trim(), ...(documentIds.length ? { documentIds } : {}) });
    } catch (caught) {
      // Problems with a document come as documentIds.<index>; they are shown at the documents group.
      const split = formErrors(caught, ['outcome', 'decidedOn', 'reasons', 'decisionBody', ...documentIds.map((_, i) => `documentIds.${i}`)]);
      const fieldErrors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(split.fieldErrors)) {
        const key = field.startsWith('documentIds') ? 'documentIds' : field === 'decisionBody' ? 'outcome' : field;
        fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${problem}` : problem;
      }
      setErrors(fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={formId} data-testid="decision-form">
      <PanelHeading id={formId}>{title}</PanelHeading>
      <ServerProblem error={error} testId="decision-error" />
      <SelectField label={t('identification.outcome')} name="outcome" required value={v.outcome} onChange={set('outcome')} error={errors.outcome}>
        <option value="">{t('form.choose')}</option>
        {stage.outcomes.map((o) => <option key={o.code} value={o.code}>{label(o.label, o.code)}</option>)}
      </SelectField>
      <TextField label={t('identification.decidedOn')} name="decidedOn" type="date" required value={v.decidedOn} onChange={set('decidedOn')} error={errors.decidedOn} />
      <TextAreaField label={t('identification.reasons')} name="reasons" required value={v.reasons} onChange={set('reasons')} error={errors.reasons} description={t('identification.reasonsHint')} />
      {documents.length > 0 ? (
        <CheckboxGroup
          legend={t('identification.documents')}
          nested
          testId="decision-documents"
          values={documentIds}
          onChange={setDocumentIds}
          error={errors.documentIds}
          choices={documents.map((d) => ({ value: d.id, label: `${t(`identification.documentTypes.${d.documentType}`, { defaultValue: d.documentType })} (${formatDate(d.uploadedAt)})` }))}
        />
      ) : (
        <p className="utrecht-paragraph baken-muted">{t('identification.noDocuments')}</p>
      )}
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('identification.saveDecision')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}
