import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { caseQuery } from '../../api/cases.ts';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../components/Alert.tsx';
import { RequireGrant } from '../../components/AdminPage.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { ClosureSection } from './case/ClosureSection.tsx';
import { ClocksSection } from './case/ClocksSection.tsx';
import { ConsentsSection } from './case/ConsentsSection.tsx';
import { DocumentsSection } from './case/DocumentsSection.tsx';
import { DossierSection } from './case/DossierSection.tsx';
import { FieldGroups } from './case/FieldGroups.tsx';
import { IdentificationSection } from './case/IdentificationSection.tsx';
import { MilestonesSection } from './case/MilestonesSection.tsx';
import { NotesSection } from './case/NotesSection.tsx';
import { ReferralsSection } from './case/ReferralsSection.tsx';
import { RightsSection } from './case/RightsSection.tsx';
import { TimelineSection } from './case/TimelineSection.tsx';
import { ViewsSection } from './case/ViewsSection.tsx';
import { useProfileLabels } from './profile.ts';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';
import { Facts, RecordNotFound } from './ui.tsx';

function Case({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useProfileLabels();
  const result = useQuery(caseQuery(caseId));
  const back = (
    <Link to="/cases" className="utrecht-link utrecht-link--html-a">
      {t('caseView.backToCases')}
    </Link>
  );

  if (result.isPending) return <Loading />;
  if (result.error instanceof ApiError && result.error.status === 404) {
    return <RecordNotFound title={t('caseView.notFoundTitle')} text={t('caseView.notFoundText')} back={back} />;
  }
  if (!result.data) {
    return (
      <Page title={t('caseView.titleUnknown')}>
        <ErrorAlert error={result.error} />
      </Page>
    );
  }
  const data = result.data;
  const mine = data.myReferral;

  return (
    <Page title={t('caseView.title', { number: data.caseNumber })} wide>
      {can(session, 'case:list') ? <p className="utrecht-paragraph">{back}</p> : null}
      {mine ? (
        <Alert type="info">
          <p className="utrecht-paragraph" data-testid="my-referral">
            {t('caseView.throughReferral', { type: labels.referralType(mine.type), profile: labels.accessProfile(mine.accessProfile) })}{' '}
            <ReferralStatusBadge status={mine.status} />
          </p>
        </Alert>
      ) : null}
      <Facts
        testId="case-summary"
        rows={[
          [t('caseFields.caseNumber'), data.caseNumber],
          [t('common.status'), t(`caseCommon.caseStatus.${data.status}`, { defaultValue: data.status })],
          [t('caseFields.dossierType'), labels.dossierType(data.dossierType)],
          [t('caseFields.registeredAt'), formatDateTime(data.registeredAt)],
          [t('caseView.profile'), `${data.profile.id} ${data.profile.version}`],
        ]}
      />
      <FieldGroups data={data} />
      {!mine ? <DossierSection data={data} mayChange={can(session, 'case:update')} /> : null}
      {!mine ? <ClosureSection data={data} mayClose={can(session, 'case:close')} mayReopen={can(session, 'case:reopen')} /> : null}
      {data.consents ? <ConsentsSection data={data} mayRecord={can(session, 'consent:record')} mayWithdraw={can(session, 'consent:withdraw')} /> : null}
      {data.referrals ? (
        <ReferralsSection
          data={data}
          grants={{ mayCreate: can(session, 'referral:create'), mayRevoke: can(session, 'referral:revoke'), mayOverride: can(session, 'referral:override-consent') }}
        />
      ) : null}
      {can(session, 'clock:list') ? <ClocksSection caseId={data.id} /> : null}
      <MilestonesSection data={data} />
      <IdentificationSection data={data} />
      <NotesSection data={data} />
      <DocumentsSection data={data} />
      <TimelineSection data={data} />
      <RightsSection data={data} />
      {can(session, 'case:view-log') ? <ViewsSection caseId={data.id} /> : null}
    </Page>
  );
}

function CaseRoute() {
  const { caseId } = useParams({ strict: false });
  if (!caseId) return null;
  return <Case key={caseId} caseId={caseId} />;
}

export function CasePage() {
  return (
    <RequireGrant grant="case:read">
      <CaseRoute />
    </RequireGrant>
  );
}
