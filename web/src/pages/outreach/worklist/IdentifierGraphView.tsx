import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode, IdentifierGraph } from '../../../api/outreach-worklist.ts';
import { TableContainer } from '../../../components/TableContainer.tsx';

/** Kind colours with at least 4.5:1 contrast on white; every node also carries a text label and a shape. */
const COLOUR: Record<GraphNode['kind'], string> = {
  ad: 'hsl(211 60% 25%)',
  phone: 'hsl(0 70% 36%)',
  email: 'hsl(280 50% 35%)',
  handle: 'hsl(150 60% 22%)',
  photo: 'hsl(30 90% 26%)',
};

const ROW = 24;
const WIDTH = 720;
const AD_X = 200;
const ID_X = 520;

/**
 * The shared identifiers as a two-column graph: ads (by persona) on the left, the identifiers they
 * give on the right, a line for each "ad gives identifier". Deterministic layout (the server's order).
 * The SVG is one image with a summary; the table below holds the same facts for screen readers.
 */
export function IdentifierGraphView({ graph }: { graph: IdentifierGraph }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const ads = graph.nodes.filter((n) => n.kind === 'ad');
  const identifiers = graph.nodes.filter((n) => n.kind !== 'ad');
  if (identifiers.length === 0) return <p className="utrecht-paragraph">{t('outreachWorklist.graph.none')}</p>;
  const y = new Map<string, number>();
  const offset = (count: number, max: number) => ((max - count) * ROW) / 2;
  const rows = Math.max(ads.length, identifiers.length);
  ads.forEach((n, i) => y.set(n.id, offset(ads.length, rows) + i * ROW + ROW / 2 + 8));
  identifiers.forEach((n, i) => y.set(n.id, offset(identifiers.length, rows) + i * ROW + ROW / 2 + 8));
  const height = rows * ROW + 16;
  const kindName = (kind: GraphNode['kind']) => t(`outreachWorklist.graph.kind.${kind}`);
  const label = (n: GraphNode) => (n.kind === 'ad' ? n.label : `${kindName(n.kind)} ${n.label}`);
  const adsOf = (id: string) => graph.edges.filter((e) => e.to === id).map((e) => graph.nodes.find((n) => n.id === e.from)?.label ?? '');
  const shared = identifiers.filter((n) => (n.ads ?? 0) > 1);
  const summary = t('outreachWorklist.graph.summary', { ads: ads.length, identifiers: identifiers.length, shared: shared.length });
  return (
    <figure className="baken-chart" data-testid="identifier-graph" style={{ margin: 0 }}>
      <figcaption className="utrecht-paragraph baken-small">
        {summary}
        {graph.truncated ? ` ${t('outreachWorklist.graph.truncated')}` : ''}
      </figcaption>
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' }}>
        <title id={titleId}>{t('outreachWorklist.graph.title')}</title>
        <desc id={descId}>{summary}</desc>
        {graph.edges.map((e) => (
          <line key={`${e.from}-${e.to}`} x1={AD_X} y1={y.get(e.from)} x2={ID_X} y2={y.get(e.to)} stroke="#767676" strokeWidth="1" />
        ))}
        {ads.map((n) => (
          <g key={n.id} data-testid="graph-ad">
            <circle cx={AD_X} cy={y.get(n.id)} r="6" fill={COLOUR.ad} />
            <text x={AD_X - 12} y={(y.get(n.id) ?? 0) + 5} fontSize="13" textAnchor="end" fill="#000">{n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label}</text>
          </g>
        ))}
        {identifiers.map((n) => (
          <g key={n.id} data-testid="graph-identifier">
            <rect x={ID_X - 6} y={(y.get(n.id) ?? 0) - 6} width="12" height="12" fill={COLOUR[n.kind]} transform={n.kind === 'photo' ? `rotate(45 ${ID_X} ${y.get(n.id)})` : undefined} />
            <text x={ID_X + 12} y={(y.get(n.id) ?? 0) + 5} fontSize="13" fill="#000">
              {label(n)} ({n.ads})
            </text>
          </g>
        ))}
      </svg>
      <TableContainer label={t('outreachWorklist.graph.tableLabel')}>
        <table className="utrecht-table utrecht-table--html-table" data-testid="identifier-table">
          <caption className="utrecht-table__caption">{t('outreachWorklist.graph.tableCaption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.graph.identifier')}</th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('outreachWorklist.graph.adCount')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('outreachWorklist.graph.givenBy')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {identifiers.map((n) => (
              <tr className="utrecht-table__row" key={n.id}>
                <th className="utrecht-table__cell baken-row-header" scope="row">{label(n)}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{n.ads}</td>
                <td className="utrecht-table__cell baken-small">{adsOf(n.id).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </figure>
  );
}
