import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';

type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** An NL Design System alert. Errors are `role="alert"` so they are read out at once. */
export function Alert({ type = 'info', children, id }: { type?: AlertType; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`utrecht-alert utrecht-alert--${type} baken-alert`} role={type === 'error' ? 'alert' : undefined}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** The translated message of a failed request, or nothing. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">{errorMessage(t, error)}</p>
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph baken-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
