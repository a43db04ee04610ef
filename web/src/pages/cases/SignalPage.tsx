import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { signalQuery } from '../../api/cases.ts';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Page } from '../../components/Page.tsx';
import { DecisionPanel, DecisionSummary } from './signal/DecisionPanel.tsx';
import { SignalDetails } from './signal/SignalDetails.tsx';
import { RecordNotFound, UrgencyBadges } from './ui.tsx';

function Signal({ signalId }: { signalId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const signal = useQuery(signalQuery(signalId));
  const back = (
    <Link to="/triage" className="utrecht-link utrecht-link--html-a">
      {t('signalView.backToTriage')}
    </Link>
  );

  if (signal.isPending) return <Loading />;
  if (signal.error instanceof ApiError && signal.error.status === 404) {
    return <RecordNotFound title={t('signalView.notFoundTitle')} text={t('signalView.notFoundText')} back={back} />;
  }
  if (!signal.data) {
    return (
      <Page title={t('signalView.titleUnknown')}>
        <ErrorAlert error={signal.error} />
      </Page>
    );
  }
  const data = signal.data;
  return (
    <Page title={t('signalView.title', { number: data.number })} wide>
      <p className="utrecht-paragraph">{back}</p>
      <UrgencyBadges acuteDanger={data.acuteDanger} minor={data.minorInvolved || !!data.presumedMinor} />
      {data.channel === 'outreach' ? <FromOutreach outreachContactId={data.outreachContactId ?? null} /> : null}
      <SignalDetails signal={data} />
      {data.decision ? (
        <DecisionSummary decision={data.decision} />
      ) : can(session, 'signal:triage') ? (
        <DecisionPanel signal={data} />
      ) : null}
    </Page>
  );
}

/**
 * A signal handed over by the outreach team: everyone who sees the signal learns it came "via online
 * outreach"; only users who may list outreach contacts get the link back to the contact.
 */
function FromOutreach({ outreachContactId }: { outreachContactId: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div data-testid="signal-from-outreach">
      <p className="utrecht-paragraph">{t('signalView.fromOutreach')}</p>
      {outreachContactId && can(session, 'outreach-contact:list') ? (
        <p className="utrecht-paragraph">
          {t('signalView.fromOutreachContact')}:{' '}
          <Link to="/outreach/contacts/$contactId" params={{ contactId: outreachContactId }} className="utrecht-link utrecht-link--html-a">
            {t('signalView.openOutreachContact')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function SignalRoute() {
  const { signalId } = useParams({ strict: false });
  if (!signalId) return null;
  return <Signal key={signalId} signalId={signalId} />;
}

export function SignalPage() {
  return (
    <RequireGrant grant="signal:triage">
      <SignalRoute />
    </RequireGrant>
  );
}
