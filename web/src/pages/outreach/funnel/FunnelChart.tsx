import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Funnel } from '../../../api/outreach-funnel.ts';
import { chartValue, formatCell, formatRatio, stageLabel } from './funnel-format.ts';

/** At least 4.5:1 against white, like the other charts. */
const BAR = 'hsl(211 60% 25%)';
const MASKED = 'hsl(211 30% 45%)';

/**
 * The period totals as a horizontal funnel: one centred bar per stage, width on a logarithmic
 * scale (ads run in the thousands, registrations in single figures), the count at the right and the
 * conversion from the stage above between the bars. Title and description carry the same numbers.
 */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const locale = i18n.language;
  const stages = funnel.stages;
  const width = 720;
  const labelWidth = 190;
  const barArea = 400;
  const rowHeight = 54;
  const max = Math.max(1, ...stages.map((stage) => chartValue(funnel.totals[stage])));
  const scale = (value: number) => (value <= 0 ? 0 : Math.max(4, Math.round((Math.log10(1 + value) / Math.log10(1 + max)) * barArea)));
  const ratioTo = (index: number) => funnel.conversions[index - 1]?.ratio ?? null;
  const summary = stages
    .map((stage, index) => {
      const count = formatCell(funnel.totals[stage], locale);
      return index === 0 ? t('outreachFunnel.chart.row', { stage: stageLabel(t, stage), count }) : t('outreachFunnel.chart.rowWithRatio', { stage: stageLabel(t, stage), count, ratio: formatRatio(ratioTo(index), locale) });
    })
    .join('; ');

  return (
    <figure className="baken-chart baken-funnel-chart" data-testid="funnel-chart">
      <figcaption className="utrecht-paragraph">{t('outreachFunnel.chart.caption')}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${stages.length * rowHeight}`}
        width="100%"
        style={{ maxWidth: `${width}px`, height: 'auto', display: 'block' }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('outreachFunnel.chart.title')}</title>
        <desc id={descId}>{summary}</desc>
        {stages.map((stage, index) => {
          const y = index * rowHeight + 16;
          const cell = funnel.totals[stage];
          const bar = scale(chartValue(cell));
          const x = labelWidth + (barArea - bar) / 2;
          const ratio = index > 0 ? ratioTo(index) : null;
          return (
            <g key={stage} data-testid="funnel-chart-row">
              {index > 0 ? (
                <text x={labelWidth + barArea / 2} y={y - 3} fontSize="12" fill="#000" textAnchor="middle">
                  {ratio === null ? '' : `↓ ${formatRatio(ratio, locale)}`}
                </text>
              ) : null}
              <text x="0" y={y + 20} fontSize="14" fill="#000">{stageLabel(t, stage)}</text>
              <rect x={x} y={y + 4} width={bar} height="24" fill={typeof cell === 'number' ? BAR : MASKED} rx="2" />
              <text x={labelWidth + barArea + 12} y={y + 21} fontSize="14" fill="#000">{formatCell(cell, locale)}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
