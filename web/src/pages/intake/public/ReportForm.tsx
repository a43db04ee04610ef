import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { submitPublicReport, type PublicReportResult } from '../../../api/intake.ts';
import { Alert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField, TextField } from '../../../components/fields.tsx';
import { Honeypot, RadioGroup, TextAreaField } from '../fields.tsx';
import { problemsByField } from '../problems.ts';
import { Checking } from './Checking.tsx';
import { PublicError } from './PublicError.tsx';
import { EMPTY_REPORT, MESSAGE_MIN, REPORT_FIELDS, toReportInput, type ReportDraft } from './report-draft.ts';
import { useProofOfWork } from './useProofOfWork.ts';

/** The public report: about myself or about someone else, what is happening, and (optionally) how to reach me. */
export function ReportForm({ onReceived }: { onReceived: (result: PublicReportResult) => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const { prove, checking, percent } = useProofOfWork();
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_REPORT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const self = draft.kind === 'self-report';

  function check(): Record<string, string> {
    const missing: Record<string, string> = {};
    if (!draft.kind) missing.kind = t('publicReport.form.kindRequired');
    if (!draft.message.trim()) missing.message = t('publicReport.form.messageRequired');
    else if (draft.message.trim().length < MESSAGE_MIN) missing.message = t('publicReport.form.messageTooShort', { min: MESSAGE_MIN });
    const age = draft.age.trim();
    if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120)) missing['about.age'] = t('publicReport.form.ageInvalid');
    if (draft.channel !== 'none' && !draft.value.trim()) {
      missing['contact.value'] = draft.channel === 'phone' ? t('publicReport.contact.phoneRequired') : t('publicReport.contact.emailRequired');
    }
    return missing;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = check();
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) {
      announce(t('publicReport.form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const proof = await prove();
      announce(t('publicReport.form.sending'));
      const result = await submitPublicReport(toReportInput(draft, i18n.language, proof));
      setDraft(EMPTY_REPORT);
      onReceived(result);
    } catch (caught) {
      const { fieldErrors, unmatched } = problemsByField(caught, REPORT_FIELDS);
      setErrors(fieldErrors);
      setError(unmatched || Object.keys(fieldErrors).length === 0 ? caught : null);
      announce(t('publicReport.form.notSent'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form" aria-label={t('publicReport.form.label')} onSubmit={(event) => void submit(event)} noValidate>
      <RadioGroup
        legend={t('publicReport.form.kind')}
        name="kind"
        required
        value={draft.kind}
        onChange={(kind) => change({ kind: kind === 'self-report' ? 'self-report' : 'tip' })}
        error={errors.kind}
        choices={[
          { value: 'self-report', label: t('publicReport.form.kindSelf') },
          { value: 'tip', label: t('publicReport.form.kindTip') },
        ]}
      />
      <TextAreaField
        label={self ? t('publicReport.form.messageSelf') : t('publicReport.form.message')}
        name="message"
        required
        rows={6}
        description={t('publicReport.form.messageHint')}
        value={draft.message}
        onChange={(event) => change({ message: event.target.value })}
        error={errors.message}
      />

      <CheckboxField label={self ? t('publicReport.form.dangerSelf') : t('publicReport.form.danger')} checked={draft.acuteDanger} onChange={(event) => change({ acuteDanger: event.target.checked })} />
      {draft.acuteDanger ? (
        <div data-testid="public-call-112">
          <Alert type="warning">
            <p className="utrecht-paragraph baken-intake-emergency">{t('publicReport.form.call112')}</p>
            <p className="utrecht-paragraph">{t('publicReport.form.call112Then')}</p>
          </Alert>
        </div>
      ) : null}

      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-fieldset baken-intake-group">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{self ? t('publicReport.about.legendSelf') : t('publicReport.about.legend')}</legend>
        <p className="utrecht-paragraph">{t('publicReport.about.hint')}</p>
        <TextField label={self ? t('publicReport.about.nameSelf') : t('publicReport.about.name')} name="aboutName" autoComplete="off" value={draft.name} onChange={(event) => change({ name: event.target.value })} error={errors['about.name']} />
        <TextField label={self ? t('publicReport.about.ageSelf') : t('publicReport.about.age')} name="aboutAge" inputMode="numeric" autoComplete="off" value={draft.age} onChange={(event) => change({ age: event.target.value })} error={errors['about.age']} />
        <TextField label={t('publicReport.about.place')} name="aboutPlace" autoComplete="off" value={draft.place} onChange={(event) => change({ place: event.target.value })} error={errors['about.place']} />
        <TextField label={t('publicReport.about.work')} name="aboutWork" autoComplete="off" value={draft.work} onChange={(event) => change({ work: event.target.value })} error={errors['about.work']} />
      </fieldset>

      <div className="baken-intake-group">
        <RadioGroup
          legend={t('publicReport.contact.legend')}
          name="contactChannel"
          value={draft.channel}
          onChange={(channel) => change({ channel: channel === 'phone' || channel === 'email' ? channel : 'none' })}
          error={errors['contact.channel']}
          description={t('publicReport.contact.hint')}
          choices={[
            { value: 'none', label: t('publicReport.contact.none') },
            { value: 'phone', label: t('publicReport.contact.phone') },
            { value: 'email', label: t('publicReport.contact.email') },
          ]}
        />
        {draft.channel !== 'none' ? (
          <>
            <TextField
              label={draft.channel === 'phone' ? t('publicReport.contact.phoneNumber') : t('publicReport.contact.emailAddress')}
              name="contactValue"
              type={draft.channel === 'phone' ? 'tel' : 'email'}
              autoComplete="off"
              required
              value={draft.value}
              onChange={(event) => change({ value: event.target.value })}
              error={errors['contact.value']}
            />
            <TextField
              label={t('publicReport.contact.safeTimes')}
              name="safeTimes"
              autoComplete="off"
              description={t('publicReport.contact.safeTimesHint')}
              value={draft.safeTimes}
              onChange={(event) => change({ safeTimes: event.target.value })}
              error={errors['contact.safeTimes']}
            />
          </>
        ) : null}
      </div>

      <Honeypot value={draft.website} onChange={(website) => change({ website })} />
      {Object.keys(errors).length > 0 ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('publicReport.form.fixErrors')}</p>
        </Alert>
      ) : null}
      <PublicError error={error} />
      <Checking checking={checking} percent={percent} />
      <Button type="submit" variant="primary" busy={busy}>
        {busy ? t('publicReport.form.sending') : t('publicReport.form.submit')}
      </Button>
    </form>
  );
}
