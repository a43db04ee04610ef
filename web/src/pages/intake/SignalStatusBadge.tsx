import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/TableContainer.tsx';

const TONES: Record<string, 'success' | 'warning' | 'danger' | 'neutral' | 'inactive'> = {
  open: 'warning',
  registered: 'success',
  'advice-only': 'neutral',
  merged: 'neutral',
  'no-indication': 'inactive',
};

/** A signal's status, translated (unknown statuses show as the server sends them). */
export function SignalStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status] ?? 'neutral'}>{t(`signalStatus.${status}`, { defaultValue: status })}</StatusBadge>;
}
