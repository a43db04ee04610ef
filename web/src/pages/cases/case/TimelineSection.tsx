import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { timelineQuery, type TimelineCategory, type TimelineEntry } from '../../../api/workspace.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { pickLabel, useProfileLabels } from '../profile.ts';
import { useActorText } from './workspace/VisibilityBadge.tsx';

type Props = { data: CaseDetail };

const CATEGORIES: TimelineCategory[] = ['case', 'consent', 'referral', 'identification', 'investigation', 'clock', 'note', 'document'];
/** A symbol per kind of entry, beside the text (decorative; the kind is also said in words). */
const ICON: Record<TimelineCategory, string> = { case: '●', consent: '✓', referral: '→', identification: '⚖', investigation: '⚑', clock: '◷', note: '✎', document: '▤' };

/** The case timeline, filtered by the server to what the viewer may see; order and kind chosen here. */
export function TimelineSection({ data }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useProfileLabels();
  const actorText = useActorText();
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const [category, setCategory] = useState<TimelineCategory | ''>('');
  const timeline = useQuery(timelineQuery(data.id, order));
  const all = timeline.data?.items ?? [];
  const present = new Set(all.map((e) => e.category));
  const rows = category ? all.filter((e) => e.category === category) : all;

  function title(entry: TimelineEntry): string {
    if (entry.category === 'clock') {
      const clock = pickLabel(entry.label, i18n.language) || String(entry.details.clock ?? '');
      return t(`workspace.timeline.clockSteps.${entry.code}`, { clock, defaultValue: `${clock}: ${entry.code}` });
    }
    if (entry.category === 'note' || entry.category === 'document') {
      return t(`workspace.timeline.codes.${entry.code}`, {
        visibility: entry.details.visibility ? t(`workspace.visibility.${String(entry.details.visibility)}.short`) : '',
        type: entry.details.documentType ? t(`workspace.documentTypes.${String(entry.details.documentType)}`) : '',
      });
    }
    return pickLabel(entry.label, i18n.language) || entry.code;
  }

  function details(entry: TimelineEntry): string {
    const d = entry.details;
    const parts: string[] = [];
    if (typeof d.purpose === 'string') parts.push(labels.purpose(d.purpose));
    if (typeof d.referralType === 'string') parts.push(labels.referralType(d.referralType));
    if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`${labels.dossierType(d.from)} → ${labels.dossierType(d.to)}`);
    if (typeof d.channel === 'string') parts.push(t(`workspace.timeline.channels.${d.channel}`, { defaultValue: d.channel }));
    if (typeof d.event === 'string') parts.push(t('workspace.timeline.afterEvent', { event: t(`caseClocks.events.${d.event}`, { defaultValue: d.event }) }));
    if (d.late === true) parts.push(t('workspace.timeline.late'));
    if (typeof d.reason === 'string' && d.reason) parts.push(d.reason);
    return parts.join(' · ');
  }

  function who(entry: TimelineEntry): string {
    if (entry.actorKind === 'anonymous') return t('workspace.actor.anonymous');
    if (entry.actorKind === 'system' || !entry.actor) return t('workspace.actor.system');
    return actorText(entry.actor);
  }

  return (
    <Section title={t('workspace.timeline.title')}>
      <p className="utrecht-paragraph">{t('workspace.timeline.lead')}</p>
      <form className="utrecht-form baken-filter" aria-label={t('workspace.timeline.filterLabel')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('workspace.timeline.order')} name="timeline-order" markOptional={false} value={order} onChange={(event) => setOrder(event.target.value === 'asc' ? 'asc' : 'desc')} data-testid="timeline-order">
          <option value="desc">{t('workspace.timeline.newestFirst')}</option>
          <option value="asc">{t('workspace.timeline.oldestFirst')}</option>
        </SelectField>
        <SelectField label={t('workspace.timeline.kind')} name="timeline-kind" markOptional={false} value={category} onChange={(event) => setCategory(event.target.value as TimelineCategory | '')} data-testid="timeline-kind">
          <option value="">{t('workspace.timeline.allKinds')}</option>
          {CATEGORIES.filter((c) => present.has(c)).map((c) => <option key={c} value={c}>{t(`workspace.timeline.categories.${c}`)}</option>)}
        </SelectField>
      </form>
      {timeline.isPending ? <Loading /> : null}
      <ErrorAlert error={timeline.error} />
      {timeline.data ? (
        <p className="utrecht-paragraph baken-muted" role="status" data-testid="timeline-count">
          {t('workspace.timeline.count', { count: rows.length })}
          {timeline.data.nextCursor ? ` ${t('workspace.timeline.more')}` : ''}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ol className="baken-case-timeline" data-testid="timeline" aria-label={t('workspace.timeline.title')}>
          {rows.map((entry) => {
            const extra = details(entry);
            return (
              <li key={entry.id} data-testid="timeline-entry" data-code={entry.code} data-category={entry.category}>
                <p className="utrecht-paragraph">
                  <span aria-hidden="true">{ICON[entry.category]} </span>
                  <strong>{title(entry)}</strong>
                  <span className="visually-hidden"> ({t(`workspace.timeline.categories.${entry.category}`)})</span>
                </p>
                <p className="utrecht-paragraph baken-small baken-muted">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> – {who(entry)}
                  {extra ? ` – ${extra}` : ''}
                </p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </Section>
  );
}
