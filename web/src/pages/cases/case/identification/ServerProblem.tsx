import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import { Alert } from '../../../../components/Alert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';

/**
 * A refused request for the whole form: the translated general message, and for a conflict (a
 * window that has closed, a stage that cannot start yet) the server's specific explanation too.
 */
export function ServerProblem({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail = error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'CONSENT_REQUIRED') ? error.message : null;
  return (
    <Alert type="error">
      <p className="utrecht-paragraph" data-testid={testId}>
        {errorMessage(t, error)}
        {detail ? <span> {detail}</span> : null}
      </p>
    </Alert>
  );
}
