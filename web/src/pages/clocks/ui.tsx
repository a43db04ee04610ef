// Small pieces shared by the deadlines page, the tasks page and the case's "Deadlines" section.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { clockName, type ClockLabel, type ClockState } from '../../api/clocks.ts';
import { can, useSession } from '../../api/session.ts';
import { StatusBadge } from '../../components/TableContainer.tsx';

const STATE_TONES: Record<ClockState, 'success' | 'warning' | 'danger' | 'neutral' | 'inactive'> = {
  running: 'success',
  paused: 'warning',
  stopped: 'neutral',
  expired: 'inactive',
  completed: 'neutral',
};

/** The clock's name in the interface language (profile label), else its code. */
export function useClockName(): (label: ClockLabel, code: string | null) => string {
  const { i18n } = useTranslation();
  return (label, code) => clockName(label, code, i18n.language);
}

export function ClockStateBadge({ state }: { state: ClockState }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATE_TONES[state] ?? 'neutral'}>{t(`caseClocks.states.${state}`, { defaultValue: state })}</StatusBadge>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="danger">{t('caseClocks.overdue')}</StatusBadge>;
}

/** A live clock that has passed one of its warning moments. */
export function WarnedBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="warning">{t('caseClocks.warned')}</StatusBadge>;
}

export function EscalatedBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="warning">{t('caseClocks.escalated')}</StatusBadge>;
}

/** The case number linking to the case, or the signal number (linking to triage when allowed). */
export function RecordLink({ caseId, caseNumber, signalId, signalNumber }: { caseId: string | null; caseNumber: string | null; signalId: string | null; signalNumber: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  if (caseId) {
    return (
      <Link to="/cases/$caseId" params={{ caseId }} className="utrecht-link utrecht-link--html-a">
        {caseNumber ?? caseId}
      </Link>
    );
  }
  if (signalId) {
    const text = t('deadlines.signal', { number: signalNumber ?? signalId });
    return can(session, 'signal:triage') ? (
      <Link to="/triage/$signalId" params={{ signalId }} className="utrecht-link utrecht-link--html-a">
        {text}
      </Link>
    ) : (
      <>{text}</>
    );
  }
  return null;
}
