import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { submitFollowUp } from '../../api/intake.ts';
import { Alert } from '../../components/Alert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/fields.tsx';
import { PanelHeading } from '../../components/PanelHeading.tsx';
import { Honeypot, TextAreaField } from './fields.tsx';
import { problemsByField } from './problems.ts';
import { Checking } from './public/Checking.tsx';
import { PublicError } from './public/PublicError.tsx';
import { PublicFrame } from './public/PublicFrame.tsx';
import { MESSAGE_MIN, normaliseReferenceCode } from './public/report-draft.ts';
import { useProofOfWork } from './public/useProofOfWork.ts';

const FIELDS = ['referenceCode', 'message'] as const;

/** Adding information to an earlier report with its reference code (no account). */
export function PublicFollowUpPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { prove, checking, percent } = useProofOfWork();
  const [referenceCode, setReferenceCode] = useState('');
  const [message, setMessage] = useState('');
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState(false);
  const [notRecognised, setNotRecognised] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: Record<string, string> = {};
    if (!referenceCode.trim()) missing.referenceCode = t('publicFollowUp.codeRequired');
    if (!message.trim()) missing.message = t('publicFollowUp.messageRequired');
    else if (message.trim().length < MESSAGE_MIN) missing.message = t('publicReport.form.messageTooShort', { min: MESSAGE_MIN });
    setErrors(missing);
    setError(null);
    setNotRecognised(false);
    if (Object.keys(missing).length > 0) {
      announce(t('publicReport.form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const proof = await prove();
      await submitFollowUp({ referenceCode: normaliseReferenceCode(referenceCode), message: message.trim(), website, ...proof });
      setReceived(true);
      setMessage('');
      setReferenceCode('');
      announce(t('publicFollowUp.received'));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) {
        setErrors({ referenceCode: t('publicFollowUp.notRecognised') });
        setNotRecognised(true);
        announce(t('publicFollowUp.notRecognised'));
      } else {
        const { fieldErrors, unmatched } = problemsByField(caught, FIELDS);
        setErrors(fieldErrors);
        setError(unmatched || Object.keys(fieldErrors).length === 0 ? caught : null);
        announce(t('publicReport.form.notSent'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicFrame title={t('publicFollowUp.title')} lead={received ? undefined : t('publicFollowUp.lead')}>
      {received ? (
        <section className="baken-section" aria-labelledby="follow-up-received-heading" data-testid="follow-up-received">
          <PanelHeading id="follow-up-received-heading">{t('publicFollowUp.received')}</PanelHeading>
          <p className="utrecht-paragraph">{t('publicFollowUp.receivedNext')}</p>
          <p className="utrecht-paragraph">
            <Button variant="secondary" onClick={() => setReceived(false)}>
              {t('publicFollowUp.more')}
            </Button>
          </p>
        </section>
      ) : (
        <form className="utrecht-form baken-form" aria-label={t('publicFollowUp.title')} onSubmit={(event) => void submit(event)} noValidate>
          {notRecognised ? (
            <Alert type="error">
              <p className="utrecht-paragraph">{t('publicFollowUp.notRecognisedLong')}</p>
            </Alert>
          ) : null}
          <TextField
            label={t('publicFollowUp.code')}
            name="referenceCode"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            description={t('publicFollowUp.codeHint')}
            value={referenceCode}
            onChange={(event) => setReferenceCode(event.target.value)}
            error={errors.referenceCode}
          />
          <TextAreaField
            label={t('publicFollowUp.message')}
            name="message"
            required
            rows={6}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errors.message}
          />
          <Honeypot value={website} onChange={setWebsite} />
          <PublicError error={error} />
          <Checking checking={checking} percent={percent} />
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('publicReport.form.sending') : t('publicFollowUp.submit')}
          </Button>
        </form>
      )}
      <p className="utrecht-paragraph">
        <Link to="/report" className="utrecht-link utrecht-link--html-a">
          {t('publicFollowUp.newReport')}
        </Link>
      </p>
    </PublicFrame>
  );
}
