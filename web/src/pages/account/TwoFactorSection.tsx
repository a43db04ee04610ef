import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { refreshSession, useSession } from '../../api/session.ts';
import type { RecoveryCodes as RecoveryCodesResponse } from '../../api/types.ts';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/fields.tsx';
import { Section } from '../../components/Page.tsx';
import { RecoveryCodes } from '../../components/RecoveryCodes.tsx';
import { StatusBadge } from '../../components/TableContainer.tsx';
import { TotpEnrolment } from '../../components/TotpEnrolment.tsx';
import { errorMessage } from '../../lib/errors.ts';

/** A one-field form asking for a current authenticator code before a sensitive change. */
function CodeForm({ title, explain, submitLabel, variant, onSubmit }: {
  title: string;
  explain: string;
  submitLabel: string;
  variant: 'primary' | 'danger';
  onSubmit: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    setError(null);
    if (!/^\d{6}$/.test(value)) {
      setFieldError(t('auth.codeFormat'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await onSubmit(value);
      setCode('');
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'INVALID_SECOND_FACTOR' || caught.code === 'VALIDATION_FAILED')) setFieldError(errorMessage(t, caught));
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-form--narrow baken-subform" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3 className="utrecht-heading-3">{title}</h3>
      <p className="utrecht-paragraph">{explain}</p>
      {error instanceof ApiError && error.code === 'CONFLICT' ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('twoFactor.requiredByRole')}</p>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      <TextField
        label={t('auth.totpCode')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError}
      />
      <Button type="submit" variant={variant === 'danger' ? 'danger' : 'primary'} busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function TwoFactorSection() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [enrolling, setEnrolling] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  if (!session) return null;
  const { totpEnabled, secondFactorRequired } = session.user;

  async function finishEnrolment() {
    setEnrolling(false);
    await refreshSession(queryClient);
    announce(t('twoFactor.enabledNow'));
  }

  async function regenerate(code: string) {
    const result = await api<RecoveryCodesResponse>('POST', '/api/me/totp/recovery-codes', { code });
    setNewCodes(result.recoveryCodes);
  }

  async function disable(code: string) {
    await api('POST', '/api/me/totp/disable', { code });
    await refreshSession(queryClient);
    announce(t('twoFactor.disabledNow'));
  }

  return (
    <Section title={t('twoFactor.title')}>
      <p className="utrecht-paragraph" data-testid="two-factor-status">
        {t('twoFactor.status')}{' '}
        {totpEnabled ? <StatusBadge tone="success">{t('twoFactor.enabled')}</StatusBadge> : <StatusBadge tone="warning">{t('twoFactor.disabled')}</StatusBadge>}
      </p>
      {secondFactorRequired ? <p className="utrecht-paragraph">{t('twoFactor.roleRequires')}</p> : null}

      {newCodes ? <RecoveryCodes codes={newCodes} onStored={() => setNewCodes(null)} /> : null}

      {!totpEnabled && !enrolling ? (
        <Button variant="primary" onClick={() => setEnrolling(true)}>
          {t('twoFactor.setUp')}
        </Button>
      ) : null}
      {!totpEnabled && enrolling ? <TotpEnrolment onDone={() => void finishEnrolment()} onCancel={() => setEnrolling(false)} /> : null}

      {totpEnabled && !newCodes ? (
        <div className="baken-subforms">
          <CodeForm title={t('twoFactor.regenerateTitle')} explain={t('twoFactor.regenerateText')} submitLabel={t('twoFactor.regenerate')} variant="primary" onSubmit={regenerate} />
          <CodeForm title={t('twoFactor.disableTitle')} explain={t('twoFactor.disableText')} submitLabel={t('twoFactor.disable')} variant="danger" onSubmit={disable} />
        </div>
      ) : null}
    </Section>
  );
}
