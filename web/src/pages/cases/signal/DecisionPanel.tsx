import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decideSignal, fetchCasesPage, EMPTY_CASE_FILTER, type DecisionInput, type SignalDecision, type SignalDetail } from '../../../api/cases.ts';
import { ApiError } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Facts, RadioGroup, TextAreaField } from '../ui.tsx';
import { RegistrationForm } from './RegistrationForm.tsx';

type Kind = 'register' | 'advice-only' | 'no-indication' | 'merge';

export function DecisionSummary({ decision }: { decision: SignalDecision }) {
  const { t } = useTranslation();
  return (
    <Section title={t('signalDecision.decidedTitle')}>
      <Facts
        testId="signal-decision"
        rows={[
          [t('signalDecision.decision'), t(`signalDecision.kinds.${decision.decision}`, { defaultValue: decision.decision })],
          [t('signalDecision.reason'), decision.reason],
          [t('signalDecision.decidedAt'), formatDateTime(decision.decidedAt)],
          [t('signalDecision.decidedBy'), decision.decidedByName],
          [
            t('signalDecision.case'),
            decision.caseId ? (
              <Link to="/cases/$caseId" params={{ caseId: decision.caseId }} className="utrecht-link utrecht-link--html-a">
                {decision.caseNumber ?? decision.caseId}
              </Link>
            ) : null,
          ],
        ]}
      />
    </Section>
  );
}

/** The triage decision: register, information and advice only, no indication, or merge. */
export function DecisionPanel({ signal }: { signal: SignalDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [kind, setKind] = useState<Kind | ''>('');
  const [reason, setReason] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const duplicateCases = signal.possibleDuplicates.filter((duplicate) => duplicate.kind === 'case');

  /** Sends a decision; a 409 means someone decided first: say so and show their decision. */
  async function send(body: DecisionInput): Promise<Record<string, string> | undefined> {
    setError(null);
    setConflict(false);
    setBusy(true);
    try {
      const result = await decideSignal(signal.id, body);
      queryClient.setQueryData(['signal', signal.id], result);
      await queryClient.invalidateQueries({ queryKey: ['triage'] });
      announce(t('signalDecision.saved'));
      const caseId = result.decision?.caseId;
      if (caseId && (body.decision === 'register' || body.decision === 'merge')) {
        await navigate({ to: '/cases/$caseId', params: { caseId } });
      }
      return undefined;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        setConflict(true);
        await queryClient.invalidateQueries({ queryKey: ['triage'] });
      } else {
        setError(caught);
      }
      return caught instanceof ApiError ? Object.fromEntries(caught.problems.map((p) => [p.field.replace(/^body\.(registration\.)?/, ''), p.problem])) : undefined;
    } finally {
      setBusy(false);
    }
  }

  async function submitSimple(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if ((kind === 'no-indication' || kind === 'advice-only') && !reason.trim()) missing.reason = t('form.requiredField', { field: t('signalDecision.reason') });
    if (kind === 'merge' && !caseNumber.trim()) missing.caseNumber = t('form.requiredField', { field: t('signalDecision.caseNumber') });
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (kind === 'advice-only') await send({ decision: 'advice-only', reason: reason.trim() });
    if (kind === 'no-indication') await send({ decision: 'no-indication', reason: reason.trim() });
    if (kind === 'merge') {
      const wanted = caseNumber.trim().toUpperCase();
      try {
        const page = await fetchCasesPage({ ...EMPTY_CASE_FILTER, q: wanted }, null, 10);
        const match = page.items.find((item) => item.caseNumber.toUpperCase() === wanted);
        if (!match) {
          setErrors({ caseNumber: t('signalDecision.caseNotFound', { number: wanted }) });
          return;
        }
        await send({ decision: 'merge', caseId: match.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      } catch (caught) {
        setError(caught);
      }
    }
  }

  return (
    <section className="baken-section baken-panel" aria-labelledby="signal-decision-title" data-testid="decision-panel">
      <h2 className="utrecht-heading-2" id="signal-decision-title">
        {t('signalDecision.title')}
      </h2>
      {conflict ? (
        <Alert type="error">
          <p className="utrecht-paragraph" data-testid="decision-conflict">
            {t('signalDecision.conflict')}
          </p>
          <p className="utrecht-paragraph">
            <Button variant="secondary" onClick={() => void queryClient.invalidateQueries({ queryKey: ['signal', signal.id] })}>
              {t('signalDecision.showCurrent')}
            </Button>
          </p>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <RadioGroup
        legend={t('signalDecision.choose')}
        name="decision"
        value={kind}
        onChange={(value) => {
          setKind(value as Kind);
          setErrors({});
          setError(null);
        }}
        choices={(['register', 'advice-only', 'no-indication', 'merge'] as const).map((value) => ({ value, label: t(`signalDecision.kinds.${value}`) }))}
      />
      {kind === 'register' ? <RegistrationForm signal={signal} busy={busy} onSubmit={send} /> : null}
      {kind && kind !== 'register' ? (
        <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void submitSimple(event)} aria-label={t(`signalDecision.kinds.${kind}`)}>
          {kind === 'merge' ? (
            <>
              {duplicateCases.length > 0 ? (
                <div className="baken-case-pick">
                  <p className="utrecht-paragraph">{t('signalDecision.pickDuplicate')}</p>
                  <ButtonGroup>
                    {duplicateCases.map((duplicate) => (
                      <Button key={duplicate.id} variant="subtle" onClick={() => setCaseNumber(duplicate.number)}>
                        {duplicate.number}
                      </Button>
                    ))}
                  </ButtonGroup>
                </div>
              ) : null}
              <TextField label={t('signalDecision.caseNumber')} name="caseNumber" required autoComplete="off" value={caseNumber} onChange={(event) => setCaseNumber(event.target.value)} error={errors.caseNumber} description={t('signalDecision.caseNumberHint')} />
            </>
          ) : null}
          <TextAreaField label={t('signalDecision.reason')} name="reason" required={kind !== 'merge'} value={reason} onChange={(event) => setReason(event.target.value)} error={errors.reason} />
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>
              {t(`signalDecision.submit.${kind}`)}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
