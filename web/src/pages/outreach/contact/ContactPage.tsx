import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { confirmSent, contactQuery, type ContactDetail } from '../../../api/outreach-contact.ts';
import { can, useSession } from '../../../api/session.ts';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Facts } from '../../cases/ui.tsx';
import { ContactHistory } from './ContactHistory.tsx';
import { HandoverSection } from './HandoverSection.tsx';
import { OptOutSection } from './OptOutSection.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { RevealNumber } from './RevealNumber.tsx';
import { DeliveryBadge, MessagePreview, OutcomeBadge, useLanguageName } from './ui.tsx';

/** One contact: details, the message, history, outcome, opt-out and the handover. */
export function OutreachContactPage() {
  const { t } = useTranslation();
  const { contactId } = useParams({ strict: false }) as { contactId: string };
  const contact = useQuery(contactQuery(contactId));
  return (
    <RequireGrant grant="outreach-contact:list">
      <Page title={contact.data ? t('outreachContact.contact.title', { hint: contact.data.phoneHint }) : t('areas.outreachContacts.title')}>
        {contact.isPending ? <Loading /> : null}
        <ErrorAlert error={contact.error} />
        {contact.data ? <Contact data={contact.data} refetch={() => void contact.refetch()} /> : null}
      </Page>
    </RequireGrant>
  );
}

function Contact({ data, refetch }: { data: ContactDetail; refetch: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const sent = useMutation({
    mutationFn: () => confirmSent(data.id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(contactQuery(data.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'contacts'] });
    },
  });
  return (
    <>
      <Section title={t('outreachContact.contact.detailsTitle')}>
        <Facts
          testId="contact-facts"
          rows={[
            [t('outreachContact.field.number'), data.phoneHint],
            [t('outreachContact.field.channel'), t(`outreachContact.channel.${data.channel}`)],
            [t('outreachContact.field.language'), languageName(data.language)],
            [t('outreachContact.field.template'), data.templateName],
            [t('outreachContact.field.delivery'), <DeliveryBadge key="d" delivery={data.delivery} />],
            [t('outreachContact.field.deliveryError'), data.deliveryError],
            [t('outreachContact.field.sentAt'), formatDateTime(data.sentAt)],
            [t('outreachContact.field.outcome'), <OutcomeBadge key="o" outcome={data.outcome} />],
            [t('outreachContact.field.followUpAt'), data.followUpAt ? `${formatDateTime(data.followUpAt)}${data.followUpDue ? ` (${t('outreachContact.contacts.due')})` : ''}` : null],
            [t('outreachContact.field.createdBy'), `${data.createdByName ?? '–'}, ${formatDateTime(data.createdAt)}`],
            [
              t('outreachContact.field.cluster'),
              data.clusterId ? (
                <Link key="c" to="/outreach/clusters/$clusterId" params={{ clusterId: data.clusterId }} className="utrecht-link utrecht-link--html-a">
                  {t('outreachContact.contact.toCluster')}
                </Link>
              ) : null,
            ],
          ]}
        />
        {data.optedOut ? (
          <Alert type="warning">
            <p className="utrecht-paragraph" data-testid="contact-opted-out">{t('outreachContact.optOut.recorded')}</p>
          </Alert>
        ) : null}
        {can(session, 'outreach-contact:reveal') ? <RevealNumber contactId={data.id} hint={data.phoneHint} /> : null}
      </Section>
      {data.message ? (
        <Section title={t('outreachContact.contact.messageTitle')}>
          <MessagePreview text={data.message} label={t('outreachContact.contact.messageLabel')} />
          {data.awaitingManualSend ? (
            <>
              <Alert type="info">
                <p className="utrecht-paragraph" data-testid="awaiting-send">{t('outreachContact.contact.outboxText')}</p>
              </Alert>
              <ErrorAlert error={sent.error} />
              <Button variant="primary" busy={sent.isPending} onClick={() => sent.mutate()}>
                {t('outreachContact.contact.confirmSent')}
              </Button>
            </>
          ) : null}
        </Section>
      ) : null}
      <ContactHistory events={data.events} />
      {can(session, 'outreach-contact:record-outcome') && (data.delivery === 'sent' || data.delivery === 'logged') ? <OutcomeForm contact={data} /> : null}
      {can(session, 'outreach-opt-out:record') ? <OptOutSection contact={data} onDone={refetch} /> : null}
      <HandoverSection contact={{ id: data.id, outcome: data.outcome, signalId: data.signalId, language: data.language }} onDone={refetch} />
    </>
  );
}
