import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { identificationQuery, invalidateCaseWork } from '../../../api/identification.ts';
import { can, useSession } from '../../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDate } from '../ui.tsx';
import { useLabel } from './identification/labels.ts';
import { ProcedureCard } from './identification/ProcedureCard.tsx';
import { RequestForm } from './identification/RequestForm.tsx';

type Props = { data: CaseDetail };

/** Identification procedures, decisions and reviews (with their clocks), and victim status per stage. */
export function IdentificationSection({ data }: Props) {
  const session = useSession();
  if (!can(session, 'identification:list')) return null;
  return <Identification data={data} />;
}

function Identification({ data }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const result = useQuery(identificationQuery(data.id));
  const [requesting, setRequesting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [accessEnded, setAccessEnded] = useState(false);
  // A deciding body member sees the case only while the procedure is open (no referral, no
  // case-wide scope): the decision ends that access, so the page must not reload into "not found".
  const accessThroughProcedure = session?.user.role.scope !== 'all' && !data.myReferral;
  const view = result.data;
  const grants = { mayDecide: can(session, 'identification:decide'), mayReview: can(session, 'identification:review') };
  const mayRequest = can(session, 'identification:request') && (view?.stages.some((s) => s.requestable) ?? false);

  function changed(message: string, decided = false) {
    setRequesting(false);
    if (decided && accessThroughProcedure) {
      const ended = `${message} ${t('identification.accessEnded')}`;
      setNotice(ended);
      announce(ended);
      setAccessEnded(true);
      return;
    }
    setNotice(message);
    announce(message);
    void invalidateCaseWork(queryClient, data.id);
  }

  if (accessEnded) {
    return (
      <Section title={t('identification.title')}>
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="identification-notice">{notice}</p>
        </Alert>
        <p className="utrecht-paragraph">
          <Link to="/cases" className="utrecht-link utrecht-link--html-a">{t('caseView.backToCases')}</Link>
        </p>
      </Section>
    );
  }

  return (
    <Section title={t('identification.title')}>
      <p className="utrecht-paragraph">{t('identification.lead')}</p>
      {result.isPending ? <Loading /> : null}
      <ErrorAlert error={result.error} />
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="identification-notice">{notice}</p>
        </Alert>
      ) : null}
      {view ? (
        <>
          <div data-testid="victim-status">
            {view.status.length === 0 ? (
              <p className="utrecht-paragraph">{t('identification.noStatus')}</p>
            ) : (
              <ul className="utrecht-unordered-list">
                {view.status.map((s) => (
                  <li className="utrecht-unordered-list__item" key={s.stage}>
                    {t('identification.statusLine', {
                      stage: label(s.stageLabel, s.stage),
                      outcome: label(s.outcomeLabel, s.outcome),
                      date: formatDate(s.decidedOn),
                    })}
                    {s.afterReview ? ` ${t('identification.afterReview', { review: label(s.afterReview.label, s.afterReview.code).toLowerCase() })}` : ''}
                    {s.binding === false ? <span className="baken-muted"> – {t('identification.advisory')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            <p className="utrecht-paragraph baken-muted">{t('identification.separateFromResidence')}</p>
          </div>
          {view.procedures.length === 0 ? <p className="utrecht-paragraph" data-testid="identification-empty">{t('identification.none')}</p> : null}
          {view.procedures.map((p) => (
            <ProcedureCard key={p.id} procedure={p} stage={view.stages.find((s) => s.code === p.stage)} documents={view.documents} grants={grants} onChanged={changed} />
          ))}
          {mayRequest && !requesting ? (
            <ButtonGroup>
              <Button variant="secondary" onClick={() => setRequesting(true)} data-testid="open-identification-request">{t('identification.request')}</Button>
            </ButtonGroup>
          ) : null}
          {requesting ? <RequestForm caseId={data.id} stages={view.stages} onSaved={() => changed(t('identification.requestedNotice'))} onCancel={() => setRequesting(false)} /> : null}
        </>
      ) : null}
    </Section>
  );
}
