import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Funnel, FunnelStage } from '../../../api/outreach-funnel.ts';
import { chartValue, formatCell, stageLabel, weekLabel } from './funnel-format.ts';

const BAR = 'hsl(211 60% 25%)';
const MASKED = 'hsl(211 30% 45%)';

/**
 * One small bar chart per stage, a bar per week, each with its own scale (small multiples: the
 * stages differ by orders of magnitude). The table below the charts holds every number.
 */
export function WeeklyCharts({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  return (
    <figure className="baken-chart" data-testid="funnel-weekly">
      <figcaption className="utrecht-paragraph">{t('outreachFunnel.weekly.caption')}</figcaption>
      <ul className="baken-funnel-multiples">
        {funnel.stages.map((stage) => (
          <li key={stage}>
            <StageChart funnel={funnel} stage={stage} />
          </li>
        ))}
      </ul>
    </figure>
  );
}

function StageChart({ funnel, stage }: { funnel: Funnel; stage: FunnelStage }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const locale = i18n.language;
  const width = 220;
  const height = 110;
  const top = 22;
  const bottom = 18;
  const plot = height - top - bottom;
  const weeks = funnel.weekly;
  const highest = Math.max(0, ...weeks.map((w) => chartValue(w.counts[stage])));
  const max = Math.max(1, highest);
  const slot = width / Math.max(1, weeks.length);
  const barWidth = Math.max(2, slot * 0.7);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const summary = weeks.map((w) => `${weekLabel(t, w.week, locale)}: ${formatCell(w.counts[stage], locale)}`).join('; ');
  return (
    <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px`, height: 'auto', display: 'block' }}>
      <title id={titleId}>{t('outreachFunnel.weekly.title', { stage: stageLabel(t, stage) })}</title>
      <desc id={descId}>{summary}</desc>
      <text x="0" y="14" fontSize="13" fontWeight="bold" fill="#000">
        {stageLabel(t, stage)}
      </text>
      <text x={width} y="14" fontSize="11" fill="#000" textAnchor="end">
        {t('outreachFunnel.weekly.max', { value: highest === 2.5 ? '<5' : formatCell(highest, locale) })}
      </text>
      <line x1="0" x2={width} y1={top + plot} y2={top + plot} stroke="#555" strokeWidth="1" />
      {weeks.map((w, index) => {
        const cell = w.counts[stage];
        const value = chartValue(cell);
        const h = value <= 0 ? 0 : Math.max(2, Math.round((value / max) * plot));
        return <rect key={w.week} x={index * slot + (slot - barWidth) / 2} y={top + plot - h} width={barWidth} height={h} fill={typeof cell === 'number' ? BAR : MASKED} />;
      })}
      {first ? (
        <text x="0" y={height - 4} fontSize="10" fill="#000">
          {weekLabel(t, first.week, locale)}
        </text>
      ) : null}
      {last && last !== first ? (
        <text x={width} y={height - 4} fontSize="10" fill="#000" textAnchor="end">
          {weekLabel(t, last.week, locale)}
        </text>
      ) : null}
    </svg>
  );
}
