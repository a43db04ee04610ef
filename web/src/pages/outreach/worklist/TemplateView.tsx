import { useTranslation } from 'react-i18next';
import type { TemplateSegment } from '../../../api/outreach-worklist.ts';

const MARK_STYLE = { background: '#ffe066', color: '#000', padding: '0 0.15em', borderBottom: '2px solid #000' } as const;

/**
 * The cluster's template: the words most of its ads share as plain text, the varying parts ("slots")
 * marked, with a legend and, per slot, the values the ads fill in. The marks are numbered so the list
 * of variants below can refer to them without relying on colour.
 */
export function TemplateView({ segments, ads, referenceShare }: { segments: TemplateSegment[]; ads: number; referenceShare: number }) {
  const { t } = useTranslation();
  if (segments.length === 0) return <p className="utrecht-paragraph">{t('outreachWorklist.template.none')}</p>;
  const slots = segments.filter((s) => s.kind === 'slot');
  let slotNumber = 0;
  return (
    <div data-testid="cluster-template">
      <p className="utrecht-paragraph baken-small">
        {ads > 1 ? t('outreachWorklist.template.explain', { ads, share: Math.round(referenceShare * 100) }) : t('outreachWorklist.template.single')}
      </p>
      <p className="utrecht-paragraph baken-small" data-testid="template-legend">
        {t('outreachWorklist.template.legendPrefix')} <mark style={MARK_STYLE}>{t('outreachWorklist.template.legendSlot')}</mark> {t('outreachWorklist.template.legendSuffix')}
      </p>
      <blockquote className="utrecht-blockquote" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, margin: '0 0 1em', padding: '0.75em 1em', borderLeft: '4px solid #555' }}>
        <p className="utrecht-paragraph" style={{ margin: 0 }}>
          {segments.map((s, i) => {
            if (s.kind === 'fixed') return <span key={i}>{s.text}</span>;
            slotNumber += 1;
            return (
              <mark key={i} style={MARK_STYLE} data-testid="template-slot">
                <span className="visually-hidden">{t('outreachWorklist.template.slotStart', { n: slotNumber })} </span>
                {s.text}
                <sup aria-hidden="true">{slotNumber}</sup>
                <span className="visually-hidden"> {t('outreachWorklist.template.slotEnd')}</span>
              </mark>
            );
          })}
        </p>
      </blockquote>
      {slots.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('outreachWorklist.template.variants')}</h3>
          <ol className="utrecht-ordered-list baken-small" data-testid="template-variants">
            {slots.map((s, i) => (
              <li className="utrecht-ordered-list__item" key={i}>
                {(s.variants ?? []).length > 0 ? (s.variants ?? []).join(' · ') : t('outreachWorklist.template.noVariants')}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
