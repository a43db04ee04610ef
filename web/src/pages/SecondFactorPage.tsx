import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { clearAfterSignOut, refreshSession } from '../api/session.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { useAnnounce } from '../components/Announcer.tsx';
import { Button, ButtonGroup } from '../components/Button.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/Page.tsx';
import { pathForStage, takeTarget } from '../lib/after-login.ts';
import { errorMessage } from '../lib/errors.ts';

/** Second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const switched = useRef(false);

  // After switching between app code and recovery code, continue in the new field.
  useEffect(() => {
    if (switched.current) form.current?.querySelector('input')?.focus();
  }, [mode]);

  function switchMode() {
    switched.current = true;
    setMode(mode === 'totp' ? 'recovery' : 'totp');
    setCode('');
    setFieldError(undefined);
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = mode === 'totp' ? code.replace(/\s/g, '') : code.trim().toLowerCase();
    setError(null);
    if (mode === 'totp' && !/^\d{6}$/.test(value)) {
      setFieldError(t('auth.codeFormat'));
      return;
    }
    if (mode === 'recovery' && !value) {
      setFieldError(t('form.requiredField', { field: t('auth.recoveryCode') }));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await api('POST', '/api/auth/second-factor', { code: value });
      const session = await refreshSession(queryClient);
      const path = pathForStage(session);
      announce(t('auth.signedIn'));
      if (path === '/') await navigate({ href: takeTarget() });
      else await navigate({ to: path });
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'INVALID_SECOND_FACTOR' || caught.code === 'VALIDATION_FAILED')) {
        setFieldError(errorMessage(t, caught));
      } else if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') {
        clearAfterSignOut(queryClient);
        await navigate({ to: '/login' });
        return;
      } else {
        setError(caught);
      }
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  async function cancel() {
    try {
      await api('POST', '/api/auth/logout', {});
    } catch {
      // Nothing to undo.
    }
    clearAfterSignOut(queryClient);
    await navigate({ to: '/login' });
  }

  return (
    <Page title={t('auth.secondFactorTitle')} lead={mode === 'totp' ? t('auth.secondFactorLead') : t('auth.recoveryLead')}>
      <ErrorAlert error={error} />
      <form ref={form} className="utrecht-form baken-form baken-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        {mode === 'totp' ? (
          <TextField
            key="totp"
            label={t('auth.totpCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={fieldError}
            description={t('auth.totpCodeHint')}
          />
        ) : (
          <TextField
            key="recovery"
            label={t('auth.recoveryCode')}
            name="recoveryCode"
            autoComplete="off"
            spellCheck={false}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={fieldError}
            description={t('auth.recoveryCodeHint')}
          />
        )}
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={busy}>
            {t('auth.verify')}
          </Button>
        </ButtonGroup>
      </form>
      <ButtonGroup>
        <button type="button" className="utrecht-link-button utrecht-link-button--html-button" onClick={switchMode}>
          {mode === 'totp' ? t('auth.useRecoveryCode') : t('auth.useTotpCode')}
        </button>
        <button type="button" className="utrecht-link-button utrecht-link-button--html-button" onClick={() => void cancel()}>
          {t('auth.cancelSignIn')}
        </button>
      </ButtonGroup>
    </Page>
  );
}
