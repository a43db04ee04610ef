import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clusterQuery, type ClusterDetail } from '../../../api/outreach-worklist.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { RequireGrant } from '../../../components/AdminPage.tsx';
import { Page, Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AdList } from './AdList.tsx';
import { AssignForm } from './AssignForm.tsx';
import { CityTimeline } from './CityTimeline.tsx';
import { ClaimButton } from './ClaimButton.tsx';
import { IdentifierGraphView } from './IdentifierGraphView.tsx';
import { PhoneList } from './PhoneList.tsx';
import { TemplateView } from './TemplateView.tsx';
import { ClaimBadge, cityName, languageName, MinorBadge, ReasonList, ScoreBar } from './ui.tsx';

function Summary({ data }: { data: ClusterDetail }) {
  const { t } = useTranslation();
  const c = data.cluster;
  const facts: [string, ReactNode][] = [
    [t('outreachWorklist.score'), <ScoreBar score={c.score} key="score" />],
    [t('outreachWorklist.sizeHeading'), t('outreachWorklist.size', { ads: c.size, personas: c.personas, phones: c.phones })],
    [t('outreachWorklist.cities'), `${c.cities.map(cityName).join(', ')}${c.moves ? ` (${t('outreachWorklist.moves', { count: c.moves })})` : ''}`],
    [t('outreachWorklist.language.label'), c.languages.map((l) => languageName(t, l)).join(', ')],
    [t('outreachWorklist.posted'), `${formatDateTime(c.firstPostedAt) || '–'} – ${formatDateTime(c.lastPostedAt) || '–'}`],
    [t('outreachWorklist.seen'), `${formatDateTime(c.firstSeenAt)} – ${formatDateTime(c.lastSeenAt)}`],
  ];
  return (
    <dl className="baken-facts" data-testid="cluster-summary">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Cluster({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const cluster = useQuery(clusterQuery(id));
  const data = cluster.data;
  const title = t('outreachWorklist.clusterName', { id });
  const mayAssign = !!session?.user.grants.includes('outreach-cluster:assign');
  const adLabels = new Map((data?.graph.nodes ?? []).filter((n) => n.kind === 'ad').map((n) => [n.adId ?? '', n.label]));
  const adLabel = (adId: string) => adLabels.get(adId) ?? data?.ads.find((a) => a.id === adId)?.title ?? '';
  return (
    <Page title={title} lead={t('outreachWorklist.clusterLead')} wide>
      <p className="utrecht-paragraph">
        <Link to="/outreach" className="utrecht-link utrecht-link--html-a">{t('outreachWorklist.backToList')}</Link>
      </p>
      {cluster.isPending ? <Loading /> : null}
      <ErrorAlert error={cluster.error} />
      {data ? (
        <>
          {data.cluster.minorRisk ? <p className="utrecht-paragraph"><MinorBadge /> {t('outreachWorklist.minorExplain')}</p> : null}
          <Summary data={data} />
          <Section title={t('outreachWorklist.claim.heading')}>
            <p className="utrecht-paragraph" role="status" data-testid="claim-status">
              <ClaimBadge claimedBy={data.cluster.claimedBy} />
              {data.cluster.claimedAt ? ` ${t('outreachWorklist.claim.since', { at: formatDateTime(data.cluster.claimedAt) })}` : ''}
            </p>
            <ClaimButton cluster={data.cluster} />
            {mayAssign ? <AssignForm cluster={data.cluster} /> : null}
          </Section>
          <Section title={t('outreachWorklist.reasons')}>
            <p className="utrecht-paragraph baken-small">{t('outreachWorklist.reasonsExplain')}</p>
            <ReasonList reasons={data.cluster.reasons} />
          </Section>
          <Section title={t('outreachWorklist.phones.heading')}>
            <p className="utrecht-paragraph baken-small">{t('outreachWorklist.phones.explain')}</p>
            <PhoneList clusterId={data.cluster.id} phones={data.phones} />
          </Section>
          <Section title={t('outreachWorklist.template.heading')}>
            <TemplateView {...data.template} />
          </Section>
          <Section title={t('outreachWorklist.graph.heading')}>
            <IdentifierGraphView graph={data.graph} />
          </Section>
          <Section title={t('outreachWorklist.timeline.heading')}>
            <CityTimeline entries={data.timeline} adLabel={adLabel} />
          </Section>
          <Section title={t('outreachWorklist.ads.heading', { count: data.adsTotal })}>
            <AdList ads={data.ads} total={data.adsTotal} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}

export function OutreachClusterPage() {
  const { clusterId } = useParams({ strict: false });
  return (
    <RequireGrant grant="outreach-cluster:read">
      <Cluster id={clusterId ?? ''} />
    </RequireGrant>
  );
}
