import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdIndicator, ClusterAd } from '../../../api/outreach-worklist.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { cityName, languageName, reasonLabel } from './ui.tsx';

const EVIDENCE_STYLE = { background: '#d6e4f5', color: '#000', padding: '0 0.1em', borderBottom: '2px dotted #000' } as const;

/** The text with each indicator's evidence marked (non-overlapping, in order). */
function highlighted(text: string, field: 'title' | 'body', indicators: AdIndicator[], label: (code: string) => string): ReactNode[] {
  const spans = indicators
    .filter((i) => i.field === field && i.start !== null && i.end !== null)
    .sort((a, b) => a.start! - b.start!);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start! < at) continue;
    if (s.start! > at) out.push(text.slice(at, s.start!));
    out.push(
      <mark key={`${s.code}-${s.start}`} style={EVIDENCE_STYLE} data-testid="ad-evidence">
        {text.slice(s.start!, s.end!)}
        <span className="visually-hidden"> ({label(s.code)})</span>
      </mark>,
    );
    at = s.end!;
  }
  out.push(text.slice(at));
  return out;
}

export function AdList({ ads, total }: { ads: ClusterAd[]; total: number }) {
  const { t } = useTranslation();
  const label = (code: string) => reasonLabel(t, code);
  return (
    <>
      {total > ads.length ? <p className="utrecht-paragraph">{t('outreachWorklist.ads.shown', { shown: ads.length, total })}</p> : null}
      <p className="utrecht-paragraph baken-small">
        {t('outreachWorklist.ads.legendPrefix')} <mark style={EVIDENCE_STYLE}>{t('outreachWorklist.ads.legendEvidence')}</mark>
      </p>
      <ol className="baken-cards" style={{ listStyle: 'none', padding: 0 }} data-testid="cluster-ads">
        {ads.map((ad) => (
          <li key={ad.id} className="baken-card" data-testid="cluster-ad">
            <h3 className="utrecht-heading-3">{ad.title ? highlighted(ad.title, 'title', ad.indicators, label) : t('outreachWorklist.ads.untitled')}</h3>
            <p className="utrecht-paragraph baken-small baken-muted">
              {[ad.source, cityName(ad.city), ad.age !== null ? t('outreachWorklist.ads.age', { age: ad.age }) : '', languageName(t, ad.language), formatDateTime(ad.postedAt)].filter(Boolean).join(' · ')}
            </p>
            {ad.body ? <p className="utrecht-paragraph" style={{ whiteSpace: 'pre-wrap' }}>{highlighted(ad.body, 'body', ad.indicators, label)}</p> : null}
            {ad.indicators.length > 0 ? (
              <ul className="utrecht-unordered-list baken-small">
                {ad.indicators.map((i, index) => (
                  <li className="utrecht-unordered-list__item" key={`${i.code}-${index}`}>
                    <strong>{label(i.code)}</strong> ({i.weight > 0 ? '+' : ''}{i.weight.toFixed(2)}): {i.evidence}
                  </li>
                ))}
              </ul>
            ) : null}
            {ad.url ? (
              <p className="utrecht-paragraph baken-small">
                {t('outreachWorklist.ads.url')}: <span style={{ wordBreak: 'break-all' }}>{ad.url}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
