import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import type { Enrolment, RecoveryCodes as RecoveryCodesResponse } from '../api/types.ts';
import { errorMessage } from '../lib/errors.ts';
import { ErrorAlert, Loading } from './Alert.tsx';
import { Button, ButtonGroup } from './Button.tsx';
import { TextField } from './fields.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

const ENROL_KEY = ['totp-enrol'] as const;

/**
 * Setting up the authenticator app: scan the QR code (or type the secret), confirm with a code,
 * then store the recovery codes. Used at sign-in (stage "enrol") and on the account page.
 */
export function TotpEnrolment({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A query (not a mutation) so that React's double effects in development do not start two
  // enrolments; it never goes stale and is dropped when the component goes away.
  const enrolment = useQuery({
    queryKey: ENROL_KEY,
    queryFn: () => api<Enrolment>('POST', '/api/me/totp/enrol', {}),
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => () => queryClient.removeQueries({ queryKey: ENROL_KEY }), [queryClient]);

  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  async function confirm(event: FormEvent) {
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
      const result = await api<RecoveryCodesResponse>('POST', '/api/me/totp/confirm', { code: value });
      setRecoveryCodes(result.recoveryCodes);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'INVALID_SECOND_FACTOR' || caught.code === 'VALIDATION_FAILED')) setFieldError(errorMessage(t, caught));
      else setError(caught);
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onStored={onDone} />;
  if (enrolment.isPending) return <Loading label={t('enrol.preparing')} />;
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} />;

  const { secret, qrSvg } = enrolment.data;
  return (
    <div className="baken-enrol">
      <ol className="utrecht-ordered-list baken-steps">
        <li className="utrecht-ordered-list__item">
          <p className="utrecht-paragraph">{t('enrol.step1')}</p>
        </li>
        <li className="utrecht-ordered-list__item">
          <p className="utrecht-paragraph">{t('enrol.step2')}</p>
          <div className="baken-enrol__qr" role="img" aria-label={t('enrol.qrLabel')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p className="utrecht-paragraph">{t('enrol.manual')}</p>
          <p className="utrecht-paragraph">
            <code className="utrecht-code baken-secret" data-testid="totp-secret">
              {secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
        </li>
        <li className="utrecht-ordered-list__item">
          <p className="utrecht-paragraph">{t('enrol.step3')}</p>
          <ErrorAlert error={error} />
          <form className="utrecht-form baken-form baken-form--narrow" onSubmit={(event) => void confirm(event)} noValidate>
            <TextField
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
            <ButtonGroup>
              <Button type="submit" variant="primary" busy={busy}>
                {t('enrol.confirm')}
              </Button>
              {onCancel ? (
                <Button variant="secondary" onClick={onCancel}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </ButtonGroup>
          </form>
        </li>
      </ol>
    </div>
  );
}
