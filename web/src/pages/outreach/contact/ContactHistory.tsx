import { useTranslation } from 'react-i18next';
import type { ContactEvent } from '../../../api/outreach-contact.ts';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { OutcomeBadge } from './ui.tsx';

/** What happened with the contact, oldest first, with the notes of outcomes. */
export function ContactHistory({ events }: { events: ContactEvent[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('outreachContact.contact.historyTitle')}>
      <ol className="baken-case-timeline" data-testid="contact-events">
        {events.map((e) => (
          <li key={e.id} data-event={e.event}>
            <p className="utrecht-paragraph baken-small">
              <span className="baken-nowrap">{formatDateTime(e.at)}</span> – {e.actorName ?? t('outreachContact.contact.system')}
            </p>
            <p className="utrecht-paragraph">
              {t(`outreachContact.event.${e.event}`, { defaultValue: e.event })} {e.outcome ? <OutcomeBadge outcome={e.outcome} /> : null}
            </p>
            {e.note ? <p className="utrecht-paragraph baken-case-text">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
