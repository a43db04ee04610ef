import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nrmProfileQuery, submitSignal, type SubmittedSignal } from '../../api/intake.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { Page } from '../../components/Page.tsx';
import { draftProblems, EMPTY_DRAFT, signalFieldErrors, toSignalInput, type SignalDraft } from './signal-form/draft.ts';
import { ExploitationSection } from './signal-form/ExploitationSection.tsx';
import { IndicatorsSection } from './signal-form/IndicatorsSection.tsx';
import { LegalBasisSection } from './signal-form/LegalBasisSection.tsx';
import { PersonSection } from './signal-form/PersonSection.tsx';
import { SafeContactSection } from './signal-form/SafeContactSection.tsx';
import { SignalConfirmation } from './signal-form/SignalConfirmation.tsx';
import { UrgencySection } from './signal-form/UrgencySection.tsx';
import './intake.css';

function SignalForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const profile = useQuery(nrmProfileQuery);
  const [draft, setDraft] = useState<SignalDraft>(EMPTY_DRAFT);
  // Made once per form: a double click or a retry after a lost answer never creates two signals.
  const [clientRequestId, setClientRequestId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const [submitted, setSubmitted] = useState<{ signal: SubmittedSignal; acuteDanger: boolean } | null>(null);

  const change = (patch: Partial<SignalDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function check(): Record<string, string> {
    const missing = draftProblems(draft, t);
    if (!draft.legalBasis) missing.legalBasis = t('intake.legalBasis.required');
    if (draft.legalBasis === 'consent' && !draft.consentConfirmed) missing.consentConfirmed = t('intake.legalBasis.consentConfirmedRequired');
    return missing;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    const missing = check();
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) {
      announce(t('intake.form.fixErrors'));
      return;
    }
    sending.current = true;
    setBusy(true);
    announce(t('intake.form.sending'));
    try {
      const signal = await submitSignal(toSignalInput(draft, clientRequestId));
      setSubmitted({ signal, acuteDanger: draft.acuteDanger });
      announce(t('intake.confirmation.announce', { number: signal.number }));
      // The list of my signals is out of date now: load it afresh on the next visit.
      queryClient.removeQueries({ queryKey: ['signals'] });
    } catch (caught) {
      const { fieldErrors, unmatched } = signalFieldErrors(caught);
      setErrors(fieldErrors);
      setError(unmatched || Object.keys(fieldErrors).length === 0 ? caught : null);
      announce(t('intake.form.notSent'));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  function another() {
    setDraft(EMPTY_DRAFT);
    setErrors({});
    setError(null);
    setSubmitted(null);
    setClientRequestId(crypto.randomUUID());
  }

  if (submitted) {
    return (
      <Page title={t('intake.confirmation.pageTitle')}>
        <SignalConfirmation signal={submitted.signal} acuteDanger={submitted.acuteDanger} onAnother={another} />
      </Page>
    );
  }

  const errorCount = Object.keys(errors).length;

  return (
    <Page title={t('areas.newSignal.title')} lead={t('intake.form.lead')} wide>
      <Alert type="info">
        <p className="utrecht-paragraph">{t('intake.form.emergency')}</p>
      </Alert>
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} /> : null}
      {profile.data ? (
        <form className="utrecht-form baken-form" aria-label={t('areas.newSignal.title')} onSubmit={(event) => void submit(event)} noValidate>
          <UrgencySection draft={draft} change={change} errors={errors} />
          <PersonSection draft={draft} change={change} errors={errors} profile={profile.data} />
          <SafeContactSection draft={draft} change={change} errors={errors} profile={profile.data} />
          <IndicatorsSection draft={draft} change={change} errors={errors} profile={profile.data} />
          <ExploitationSection draft={draft} change={change} errors={errors} profile={profile.data} />
          <LegalBasisSection draft={draft} change={change} errors={errors} profile={profile.data} />
          {errorCount > 0 ? (
            <Alert type="error">
              <p className="utrecht-paragraph">{t('intake.form.errorsBelow', { count: errorCount })}</p>
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? t('intake.form.sending') : t('intake.form.submit')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </Page>
  );
}

export function SignalFormPage() {
  return (
    <RequireGrant grant="signal:submit">
      <SignalForm />
    </RequireGrant>
  );
}
