import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactsQuery, OUTCOMES } from '../../../api/outreach-contact.ts';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { ContactTable } from './ContactTable.tsx';

/** The team's contacts: follow-ups that are due first, then the most recent, with outcome badges. */
export function OutreachContactsPage() {
  const { t } = useTranslation();
  return (
    <RequireGrant grant="outreach-contact:list">
      <Page title={t('areas.outreachContacts.title')} lead={t('outreachContact.contacts.lead')} wide>
        <DueFollowUps />
        <RecentContacts />
      </Page>
    </RequireGrant>
  );
}

function DueFollowUps() {
  const { t } = useTranslation();
  const due = useQuery(contactsQuery({ followUpDue: true }));
  return (
    <Section title={t('outreachContact.contacts.dueTitle')}>
      {due.isPending ? <Loading /> : null}
      <ErrorAlert error={due.error} />
      {due.data && due.data.items.length === 0 ? <p className="utrecht-paragraph" data-testid="no-follow-ups">{t('outreachContact.contacts.noneDue')}</p> : null}
      {due.data && due.data.items.length > 0 ? <ContactTable items={due.data.items} label={t('outreachContact.contacts.dueTitle')} testId="due-contacts" /> : null}
    </Section>
  );
}

function RecentContacts() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const recent = useQuery(contactsQuery(outcome ? { outcome } : {}));
  return (
    <Section title={t('outreachContact.contacts.recentTitle')}>
      <div className="baken-filters">
        <SelectField label={t('outreachContact.field.outcome')} markOptional={false} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t('outreachContact.contacts.allOutcomes')}</option>
          <option value="none">{t('outreachContact.outcome.none')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outreachContact.outcome.${o}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {recent.isPending ? <Loading /> : null}
      <ErrorAlert error={recent.error} />
      {recent.data && recent.data.items.length === 0 ? <p className="utrecht-paragraph">{t('outreachContact.contacts.empty')}</p> : null}
      {recent.data && recent.data.items.length > 0 ? <ContactTable items={recent.data.items} label={t('outreachContact.contacts.recentTitle')} testId="recent-contacts" /> : null}
    </Section>
  );
}
