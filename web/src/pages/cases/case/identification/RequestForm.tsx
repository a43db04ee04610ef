import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryQuery } from '../../../../api/cases.ts';
import { requestIdentification, type IdentificationProcedure, type IdentificationStage } from '../../../../api/identification.ts';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { SelectField } from '../../../../components/fields.tsx';
import { PanelHeading } from '../../../../components/PanelHeading.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { useLabel } from './labels.ts';
import { ServerProblem } from './ServerProblem.tsx';

type Props = { caseId: string; stages: IdentificationStage[]; onSaved: (procedure: IdentificationProcedure) => void; onCancel: () => void };

/** Asks the deciding body to decide a stage; the organisation comes from the directory (the body's type). */
export function RequestForm({ caseId, stages, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const requestable = stages.filter((s) => s.requestable);
  const [stage, setStage] = useState(requestable.length === 1 ? requestable[0]!.code : '');
  const chosen = stages.find((s) => s.code === stage);
  const type = chosen?.decisionBody.organisationType ?? undefined;
  const organisations = useQuery({ ...directoryQuery(type), enabled: type !== undefined });
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = organisations.data?.items ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!stage) missing.stage = t('form.requiredChoice', { field: t('identification.stage') });
    if (candidates.length > 1 && !organisationId) missing.organisationId = t('form.requiredChoice', { field: t('identification.organisation') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      onSaved(await requestIdentification(caseId, { stage, ...(organisationId ? { organisationId } : {}) }));
    } catch (caught) {
      const split = formErrors(caught, ['stage', 'organisationId']);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="identification-request-title" data-testid="identification-request-form">
      <PanelHeading id="identification-request-title">{t('identification.requestTitle')}</PanelHeading>
      <ServerProblem error={error} testId="identification-request-error" />
      <SelectField label={t('identification.stage')} name="stage" required value={stage} onChange={(e) => { setStage(e.target.value); setOrganisationId(''); }} error={errors.stage}>
        <option value="">{t('form.choose')}</option>
        {requestable.map((s) => <option key={s.code} value={s.code}>{label(s.label, s.code)}</option>)}
      </SelectField>
      {chosen ? <p className="utrecht-paragraph">{t('identification.decidedBy', { body: label(chosen.decisionBody.label, chosen.decisionBody.code) })}</p> : null}
      {candidates.length > 1 || errors.organisationId ? (
        <SelectField label={t('identification.organisation')} name="organisationId" required value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} error={errors.organisationId}>
          <option value="">{t('form.choose')}</option>
          {candidates.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
      ) : candidates.length === 1 ? (
        <p className="utrecht-paragraph" data-testid="identification-organisation">{t('identification.organisationIs', { name: candidates[0]!.name })}</p>
      ) : null}
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('identification.request')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}
