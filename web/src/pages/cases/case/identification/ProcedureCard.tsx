import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideReview, recordDecision, requestReview,
  type CaseIdentification, type IdentificationDecision, type IdentificationProcedure, type IdentificationStage,
} from '../../../../api/identification.ts';
import { StatusBadge } from '../../../../components/TableContainer.tsx';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { Facts, formatDate } from '../../ui.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { useLabel } from './labels.ts';
import { ServerProblem } from './ServerProblem.tsx';

type Props = {
  procedure: IdentificationProcedure;
  stage: IdentificationStage | undefined;
  documents: CaseIdentification['documents'];
  grants: { mayDecide: boolean; mayReview: boolean };
  /** `decided`: a decision (or review decision) was recorded, which may end the viewer's access. */
  onChanged: (message: string, decided?: boolean) => void;
};

/** One identification procedure: its stage, body, the clock it waits on, its decisions and reviews, and what may be done next. */
export function ProcedureCard({ procedure, stage, documents, grants, onChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [deciding, setDeciding] = useState(false);
  const [reviewError, setReviewError] = useState<unknown>(null);
  const [busyReview, setBusyReview] = useState<string | null>(null);
  const stageName = label(procedure.stageLabel, procedure.stage);
  const pending = procedure.decisions.find((d) => d.kind === 'review' && d.status === 'requested');
  const headingId = `procedure-${procedure.id}`;

  async function askReview(code: string, name: string) {
    setReviewError(null);
    setBusyReview(code);
    try {
      await requestReview(procedure.id, code);
      onChanged(t('identification.reviewRequested', { review: name }));
    } catch (caught) {
      setReviewError(caught);
    } finally {
      setBusyReview(null);
    }
  }

  return (
    <article className="baken-panel" aria-labelledby={headingId} data-testid="identification-procedure">
      <h3 className="utrecht-heading-3" id={headingId}>
        {stageName}{' '}
        <StatusBadge tone={procedure.status === 'open' ? 'warning' : 'neutral'}>
          {t(procedure.awaiting ? `identification.awaiting.${procedure.awaiting}` : `identification.procedureStatus.${procedure.status}`)}
        </StatusBadge>
      </h3>
      <Facts
        rows={[
          [t('identification.body'), `${label(procedure.decisionBodyLabel, procedure.decisionBody)}${procedure.bodyOrganisationName ? ` (${procedure.bodyOrganisationName})` : ''}`],
          [t('identification.requestedAt'), `${formatDateTime(procedure.requestedAt)}${procedure.requestedByName ? `, ${procedure.requestedByName}` : ''}`],
          [
            t('identification.dueAt'),
            procedure.clock ? (
              <span data-testid="procedure-clock">
                {label(procedure.clock.label, procedure.clock.code)}: {formatDateTime(procedure.clock.dueAt)}
                {procedure.clock.overdue ? <> <StatusBadge tone="danger">{t('caseClocks.overdue')}</StatusBadge></> : null}
              </span>
            ) : null,
          ],
        ]}
      />
      {procedure.decisions.map((d) => <DecisionView key={d.id} decision={d} />)}
      <ServerProblem error={reviewError} testId="review-error" />
      {grants.mayReview && procedure.status === 'decided' ? (
        <ButtonGroup>
          {procedure.reviews.filter((r) => r.available).map((r) => {
            const name = label(r.label, r.code);
            return (
              <Button key={r.code} variant="secondary" busy={busyReview === r.code} onClick={() => void askReview(r.code, name)} data-testid="request-review">
                {t('identification.askReview', { review: name.toLowerCase() })}
                {r.windowDueAt ? ` (${t('identification.until', { date: formatDateTime(r.windowDueAt) })})` : ''}
              </Button>
            );
          })}
        </ButtonGroup>
      ) : null}
      {grants.mayDecide && procedure.awaiting && stage && !deciding ? (
        <ButtonGroup>
          <Button variant="primary" onClick={() => setDeciding(true)} data-testid="open-decision-form">
            {pending ? t('identification.decideReview', { review: label(pending.review?.label ?? null, pending.review?.code).toLowerCase() }) : t('identification.decide')}
          </Button>
        </ButtonGroup>
      ) : null}
      {deciding && stage ? (
        <DecisionForm
          formId={`decision-form-${procedure.id}`}
          title={pending ? t('identification.decideReviewTitle', { review: label(pending.review?.label ?? null, pending.review?.code) }) : t('identification.decideTitle', { stage: stageName })}
          stage={stage}
          documents={documents}
          onCancel={() => setDeciding(false)}
          onSubmit={async (input) => {
            if (pending) await decideReview(pending.id, input);
            else await recordDecision(procedure.id, input);
            setDeciding(false);
            onChanged(t('identification.decisionRecorded'), true);
          }}
        />
      ) : null}
    </article>
  );
}

function DecisionView({ decision }: { decision: IdentificationDecision }) {
  const { t } = useTranslation();
  const label = useLabel();
  const title =
    decision.kind === 'review'
      ? `${label(decision.review?.label ?? null, decision.review?.code)}${decision.status === 'requested' ? ` – ${t('identification.reviewPending')}` : ''}`
      : t('identification.decision');
  return (
    <div data-testid="identification-decision">
      <h4 className="utrecht-heading-4">{title}</h4>
      <Facts
        rows={[
          [t('identification.outcome'), decision.outcome ? <strong data-testid="decision-outcome">{label(decision.outcomeLabel, decision.outcome)}</strong> : null],
          [t('identification.body'), label(decision.decisionBodyLabel, decision.decisionBody)],
          [t('identification.decidedOn'), formatDate(decision.decidedOn)],
          [t('identification.requestedAt'), decision.kind === 'review' && decision.requestedAt ? formatDateTime(decision.requestedAt) : null],
          [t('identification.recordedBy'), decision.status === 'decided' ? `${decision.recordedByName ?? ''} (${formatDateTime(decision.recordedAt)})` : null],
          [t('identification.reasons'), decision.reasons ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="decision-reasons">{decision.reasons}</span> : decision.reasonsHidden ? t('identification.reasonsHidden') : null],
          [
            t('identification.documents'),
            decision.documents.length
              ? decision.documents
                  .map((d) => `${t(`identification.documentTypes.${d.documentType ?? 'other'}`, { defaultValue: d.documentType ?? '' })}${d.uploadedAt ? ` (${formatDate(d.uploadedAt)})` : ''}${d.removed ? ` – ${t('identification.documentRemoved')}` : ''}`)
                  .join('; ')
              : null,
          ],
        ]}
      />
    </div>
  );
}
