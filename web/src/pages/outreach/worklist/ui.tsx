import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClaimedBy, Reason } from '../../../api/outreach-worklist.ts';
import { StatusBadge } from '../../../components/TableContainer.tsx';

export const reasonLabel = (t: TFunction, code: string) => t(`outreachWorklist.reason.${code}`, { defaultValue: code });
export const languageName = (t: TFunction, code: string) => t(`outreachWorklist.language.${code}`, { defaultValue: code });

/** Cities arrive normalised (lower case); shown with capitals. */
export function cityName(city: string | null): string {
  if (!city) return '';
  return city.replace(/(^|[\s-])(\p{L})/gu, (_m, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** The score as a number and a bar; the bar repeats the number, so it is hidden from screen readers. */
export function ScoreBar({ score }: { score: number }) {
  const width = Math.max(2, Math.round(score * 80));
  return (
    <span className="baken-nowrap">
      <span data-testid="cluster-score">{score.toFixed(2)}</span>{' '}
      <svg width="82" height="12" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle' }}>
        <rect x="0.5" y="0.5" width="81" height="11" fill="#fff" stroke="#555" />
        <rect x="1" y="1" width={width} height="10" fill={score >= 0.7 ? 'hsl(0 70% 36%)' : score >= 0.4 ? 'hsl(30 90% 30%)' : 'hsl(211 60% 25%)'} />
      </svg>
    </span>
  );
}

export function ReasonList({ reasons, max }: { reasons: Reason[]; max?: number }) {
  const { t } = useTranslation();
  const shown = max ? reasons.slice(0, max) : reasons;
  if (shown.length === 0) return <span className="baken-muted">{t('outreachWorklist.noReasons')}</span>;
  return (
    <ul className="utrecht-unordered-list baken-small" style={{ margin: 0 }}>
      {shown.map((r, i) => (
        <li className="utrecht-unordered-list__item" key={`${r.code}-${i}`}>
          <strong>{reasonLabel(t, r.code)}</strong> ({r.weight > 0 ? '+' : ''}{r.weight.toFixed(2)}): {r.evidence}
        </li>
      ))}
      {max && reasons.length > max ? <li className="utrecht-unordered-list__item baken-muted">{t('outreachWorklist.moreReasons', { count: reasons.length - max })}</li> : null}
    </ul>
  );
}

export function ClaimBadge({ claimedBy }: { claimedBy: ClaimedBy }) {
  const { t } = useTranslation();
  if (!claimedBy) return <StatusBadge tone="neutral">{t('outreachWorklist.claim.none')}</StatusBadge>;
  if (claimedBy.me) return <StatusBadge tone="success">{t('outreachWorklist.claim.mine')}</StatusBadge>;
  return <StatusBadge tone="warning">{t('outreachWorklist.claim.by', { name: claimedBy.name })}</StatusBadge>;
}

export function MinorBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="danger">{t('outreachWorklist.minorRisk')}</StatusBadge>;
}
