import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';

/** Errors of the public pages; the anti-abuse check gets its own calm explanation. */
export function PublicError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'CHALLENGE_FAILED') {
    return (
      <Alert type="error">
        <p className="utrecht-paragraph">{t('publicReport.form.challengeFailed')}</p>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
