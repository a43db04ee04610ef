import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { refreshSession } from '../api/session.ts';
import type { LoginResponse } from '../api/types.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { useAnnounce } from '../components/Announcer.tsx';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/Page.tsx';
import { pathForStage, takeTarget } from '../lib/after-login.ts';
import { formErrors } from '../lib/problems.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('form.requiredField', { field: t('auth.email') });
    if (!password) missing.password = t('form.requiredField', { field: t('auth.password') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await api<LoginResponse>('POST', '/api/auth/login', { email: email.trim(), password });
      const session = await refreshSession(queryClient);
      const path = pathForStage(session);
      if (path === '/') {
        announce(t('auth.signedIn'));
        await navigate({ href: takeTarget() });
      } else {
        await navigate({ to: path });
      }
    } catch (caught) {
      const { fieldErrors, formError } = formErrors(caught, ['email', 'password']);
      setErrors(fieldErrors);
      setError(formError);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      <ErrorAlert error={error} />
      <form className="utrecht-form baken-form baken-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t('auth.signIn')}
        </Button>
      </form>
      <p className="utrecht-paragraph">
        <Link to="/report" className="utrecht-link utrecht-link--html-a">
          {t('publicReport.loginLink')}
        </Link>
      </p>
    </Page>
  );
}
