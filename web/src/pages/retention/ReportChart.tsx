import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../../api/rights.ts';

/** At least 4.5:1 contrast on white; the numbers are written next to the bars as well. */
const COLOURS = { delete: 'hsl(0 70% 36%)', anonymise: 'hsl(211 60% 25%)' } as const;

/**
 * Records per record type and action as horizontal bars (inline SVG). One image with a text
 * summary; the table next to it holds the same numbers.
 */
export function ReportChart({ report, label }: { report: RetentionReport; label: (item: RetentionReport['items'][number]) => string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const items = report.items;
  const max = Math.max(1, ...items.map((i) => i.records));
  const width = 640;
  const labelWidth = 260;
  const barArea = width - labelWidth - 60;
  const rowHeight = 30;
  const summary = items.map((i) => t('retention.chart.row', { what: label(i), count: i.records })).join('; ');
  return (
    <figure className="baken-chart" data-testid="retention-chart">
      <figcaption className="utrecht-paragraph">{t('retention.chart.caption')}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${items.length * rowHeight + 8}`}
        width="100%"
        style={{ maxWidth: `${width}px`, height: 'auto', display: 'block' }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('retention.chart.caption')}</title>
        <desc id={descId}>{summary}</desc>
        {items.map((item, index) => {
          const y = index * rowHeight;
          const bar = Math.max(3, Math.round((item.records / max) * barArea));
          return (
            <g key={`${item.recordType}-${item.action}`} data-testid="retention-chart-row">
              <text x="0" y={y + 19} fontSize="14" fill="#000">{label(item)}</text>
              <rect x={labelWidth} y={y + 6} width={bar} height="18" fill={COLOURS[item.action]} />
              <text x={labelWidth + bar + 6} y={y + 20} fontSize="13" fill="#000">{item.records}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
