import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { createContact, targetClusterQuery, templatesQuery, type NewContact } from '../../../api/outreach-contact.ts';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { ContactForm } from './ContactForm.tsx';
import { RevealNumber } from './RevealNumber.tsx';

/** Starts a contact with one number of a cluster: /outreach/contacts/new?cluster=<id>&target=<phone token>. */
export function OutreachNewContactPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { cluster?: unknown; target?: unknown };
  const cluster = typeof search.cluster === 'string' ? search.cluster : '';
  const target = typeof search.target === 'string' ? search.target : '';
  return (
    <RequireGrant grant="outreach-contact:create">
      <Page title={t('outreachContact.new.title')} lead={t('outreachContact.new.lead')}>
        {cluster && target ? (
          <NewContact clusterId={cluster} token={target} />
        ) : (
          <Alert type="warning">
            <p className="utrecht-paragraph">
              {t('outreachContact.new.noTarget')}{' '}
              <Link to="/outreach" className="utrecht-link utrecht-link--html-a">
                {t('areas.outreachWorklist.title')}
              </Link>
            </p>
          </Alert>
        )}
      </Page>
    </RequireGrant>
  );
}

function isOptedOut(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'OPTED_OUT';
}

function NewContact({ clusterId, token }: { clusterId: string; token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cluster = useQuery(targetClusterQuery(clusterId));
  const templates = useQuery(templatesQuery({ status: 'approved' }));
  const [refused, setRefused] = useState(false);
  const create = useMutation({
    mutationFn: (input: NewContact) => createContact(input),
    onSuccess: (contact) => navigate({ to: '/outreach/contacts/$contactId', params: { contactId: contact.id } }),
    onError: (error) => setRefused(isOptedOut(error)),
  });
  if (cluster.isPending || templates.isPending) return <Loading />;
  if (cluster.error || templates.error) return <ErrorAlert error={cluster.error ?? templates.error} />;
  const phone = cluster.data.phones.find((p) => p.token === token);
  if (!phone) {
    return (
      <Alert type="error">
        <p className="utrecht-paragraph">{t('outreachContact.new.unknownNumber')}</p>
      </Alert>
    );
  }
  const optedOut = phone.optedOut || refused;
  return (
    <>
      <Section title={t('outreachContact.new.numberTitle')}>
        <p className="utrecht-paragraph">
          {t('outreachContact.new.numberText', { hint: phone.hint, ads: phone.ads })}{' '}
          <Link to="/outreach/clusters/$clusterId" params={{ clusterId }} className="utrecht-link utrecht-link--html-a">
            {t('outreachContact.new.toCluster')}
          </Link>
        </p>
        <RevealNumber clusterId={clusterId} token={token} hint={phone.hint} />
      </Section>
      {optedOut ? (
        <Alert type="error" id="opted-out">
          <p className="utrecht-paragraph" data-testid="opted-out">
            <strong>{t('outreachContact.optOut.refusedTitle')}</strong> {t('outreachContact.optOut.refusedText')}
          </p>
        </Alert>
      ) : (
        <Section title={t('outreachContact.new.formTitle')}>
          <ContactForm
            clusterLanguages={cluster.data.cluster.languages}
            templates={templates.data.items}
            busy={create.isPending}
            error={isOptedOut(create.error) ? null : create.error}
            onSubmit={(input) => create.mutate({ clusterId, phoneToken: token, ...input })}
          />
        </Section>
      )}
    </>
  );
}
