import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../api/outreach-worklist.ts';
import { TableContainer } from '../../../components/TableContainer.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { cityName } from './ui.tsx';

const WIDTH = 720;
const LEFT = 150;
const RIGHT = 20;
const LANE = 30;
const DOT = 'hsl(211 60% 25%)';

/**
 * Where and when the cluster's ads were posted: x is time, one lane per city (in order of first
 * appearance), one dot per ad; a line joins consecutive ads, so moves between cities show as jumps.
 * One image with a summary; the table below lists every ad.
 */
export function CityTimeline({ entries, adLabel }: { entries: TimelineEntry[]; adLabel: (adId: string) => string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  if (entries.length === 0) return <p className="utrecht-paragraph">{t('outreachWorklist.timeline.none')}</p>;
  const unknown = t('outreachWorklist.timeline.unknownCity');
  const cities: string[] = [];
  for (const e of entries) {
    const c = e.city ? cityName(e.city) : unknown;
    if (!cities.includes(c)) cities.push(c);
  }
  const times = entries.map((e) => new Date(e.postedAt).getTime());
  const from = Math.min(...times);
  const to = Math.max(...times);
  const span = Math.max(1, to - from);
  const x = (ms: number) => LEFT + ((ms - from) / span) * (WIDTH - LEFT - RIGHT);
  const laneY = (city: string) => 20 + cities.indexOf(city) * LANE;
  const height = cities.length * LANE + 40;
  const points = entries.map((e, i) => ({ e, x: x(times[i]!), y: laneY(e.city ? cityName(e.city) : unknown) }));
  const summary = t('outreachWorklist.timeline.summary', { ads: entries.length, cities: cities.length, from: formatDateTime(new Date(from).toISOString()), to: formatDateTime(new Date(to).toISOString()), path: cities.join(' → ') });
  return (
    <figure className="baken-chart" data-testid="city-timeline" style={{ margin: 0 }}>
      <figcaption className="utrecht-paragraph baken-small">{summary}</figcaption>
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' }}>
        <title id={titleId}>{t('outreachWorklist.timeline.title')}</title>
        <desc id={descId}>{summary}</desc>
        {cities.map((c) => (
          <g key={c}>
            <text x={LEFT - 10} y={laneY(c) + 5} fontSize="13" textAnchor="end" fill="#000">{c.length > 18 ? `${c.slice(0, 17)}…` : c}</text>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={laneY(c)} y2={laneY(c)} stroke="#bbb" strokeDasharray="3 3" />
          </g>
        ))}
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#767676" strokeWidth="1" />
        {points.map((p) => (
          <circle key={p.e.adId} cx={p.x} cy={p.y} r="5" fill={DOT} data-testid="timeline-dot" />
        ))}
        <text x={LEFT} y={height - 6} fontSize="12" fill="#000">{formatDateTime(new Date(from).toISOString())}</text>
        <text x={WIDTH - RIGHT} y={height - 6} fontSize="12" textAnchor="end" fill="#000">{formatDateTime(new Date(to).toISOString())}</text>
      </svg>
      <TableContainer label={t('outreachWorklist.timeline.tableLabel')}>
        <table className="utrecht-table utrecht-table--html-table" data-testid="timeline-table">
          <caption className="utrecht-table__caption">{t('outreachWorklist.timeline.tableCaption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.timeline.posted')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.city')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.timeline.ad')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {entries.map((e) => (
              <tr className="utrecht-table__row" key={e.adId}>
                <td className="utrecht-table__cell baken-nowrap">{formatDateTime(e.postedAt)}</td>
                <td className="utrecht-table__cell">{e.city ? cityName(e.city) : unknown}</td>
                <td className="utrecht-table__cell">{adLabel(e.adId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </figure>
  );
}
