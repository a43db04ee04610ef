import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/TableContainer.tsx';

const TONES: Record<string, 'success' | 'warning' | 'danger' | 'neutral' | 'inactive'> = {
  requested: 'warning',
  accepted: 'success',
  declined: 'danger',
  completed: 'neutral',
  revoked: 'inactive',
};

export function ReferralStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status] ?? 'neutral'}>{t(`caseCommon.referralStatus.${status}`, { defaultValue: status })}</StatusBadge>;
}
