import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { invalidateCaseWork, milestonesQuery, recordMilestone } from '../../../api/identification.ts';
import { can, useSession } from '../../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { SelectField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formErrors } from '../../../lib/problems.ts';
import { useLabel } from './identification/labels.ts';
import { ServerProblem } from './identification/ServerProblem.tsx';

type Props = { data: CaseDetail };

/**
 * Recording case milestones such as a reflection period granted (grant case:record-event). The
 * choice comes from the case's profile: only the events no other operation records. Recording one
 * moves the case's clocks, so the whole case is refreshed.
 */
export function MilestonesSection({ data }: Props) {
  const session = useSession();
  if (!can(session, 'case:record-event')) return null;
  return <Milestones data={data} />;
}

function Milestones({ data }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const milestones = useQuery(milestonesQuery(data.id));
  const [event, setEvent] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = milestones.data?.allowed ?? [];
  const closed = data.status !== 'open';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setError(null);
    if (!event) {
      setFieldError(t('form.requiredChoice', { field: t('milestones.event') }));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const recorded = await recordMilestone(data.id, event);
      const message = t('milestones.recorded', { event: label(recorded.label, recorded.event) });
      setNotice(message);
      announce(message);
      setEvent('');
      void invalidateCaseWork(queryClient, data.id);
    } catch (caught) {
      const split = formErrors(caught, ['event']);
      setFieldError(split.fieldErrors.event);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('milestones.title')}>
      <p className="utrecht-paragraph">{t('milestones.lead')}</p>
      {milestones.isPending ? <Loading /> : null}
      <ErrorAlert error={milestones.error} />
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid="milestone-notice">{notice}</p>
        </Alert>
      ) : null}
      {closed ? <p className="utrecht-paragraph" data-testid="milestones-closed">{t('milestones.closed')}</p> : null}
      {milestones.data && !closed ? (
        <form className="utrecht-form baken-form" noValidate onSubmit={(e) => void submit(e)} data-testid="milestone-form" aria-label={t('milestones.formLabel')}>
          <ServerProblem error={error} testId="milestone-error" />
          <SelectField label={t('milestones.event')} name="event" required value={event} onChange={(e) => setEvent(e.target.value)} error={fieldError} description={t('milestones.eventHint')}>
            <option value="">{t('form.choose')}</option>
            {allowed.map((a) => <option key={a.code} value={a.code}>{label(a.label, a.code)}</option>)}
          </SelectField>
          <ButtonGroup>
            <Button type="submit" variant="primary" busy={busy}>{t('milestones.record')}</Button>
          </ButtonGroup>
        </form>
      ) : null}
      {milestones.data && milestones.data.items.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('milestones.recordedTitle')}</h3>
          <ul className="utrecht-unordered-list" data-testid="milestone-list">
            {milestones.data.items.map((m) => (
              <li className="utrecht-unordered-list__item" key={m.id}>
                {label(m.label, m.event)} <span className="baken-muted">– {formatDateTime(m.at)}{m.recordedByName ? `, ${m.recordedByName}` : ''}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
