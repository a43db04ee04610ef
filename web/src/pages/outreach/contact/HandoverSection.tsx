import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { nrmProfileQuery } from '../../../api/intake.ts';
import { handoverQuery, handOverContact, type HandoverInput } from '../../../api/outreach-handover.ts';
import { can, useSession } from '../../../api/session.ts';
import { Alert, ErrorAlert, Loading } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { CheckboxField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { draftProblems, EMPTY_DRAFT, signalFieldErrors, toSignalInput, type SignalDraft } from '../../intake/signal-form/draft.ts';
import { ExploitationSection } from '../../intake/signal-form/ExploitationSection.tsx';
import { IndicatorsSection } from '../../intake/signal-form/IndicatorsSection.tsx';
import { PersonSection } from '../../intake/signal-form/PersonSection.tsx';
import { SafeContactSection } from '../../intake/signal-form/SafeContactSection.tsx';
import { UrgencySection } from '../../intake/signal-form/UrgencySection.tsx';
import '../../intake/intake.css';

/**
 * The handover of a willing person to the referral mechanism, shown on the contact page. Props are
 * the contract between the contact page and this section.
 */
export type HandoverContact = { id: string; outcome: string | null; signalId: string | null; language: string };

/** Outcomes after which a handover is offered (the server checks the same). */
const HANDOVER_OUTCOMES = ['replied', 'conversation', 'wants-help'];

export function HandoverSection({ contact, onDone }: { contact: HandoverContact; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [handedOver, setHandedOver] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // Keyboard users land on the form when it opens and back on the button when they cancel.
  const start = useRef<HTMLDivElement>(null);
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => {
    if (cancelled && !open) start.current?.querySelector('button')?.focus();
  }, [cancelled, open]);

  let body;
  if (contact.signalId || handedOver) {
    body = <HandedOver contactId={contact.id} justNow={handedOver} />;
  } else if (!HANDOVER_OUTCOMES.includes(contact.outcome ?? '')) {
    body = <p className="utrecht-paragraph">{t('outreachHandover.notYet')}</p>;
  } else if (!can(session, 'outreach-contact:handover')) {
    body = <p className="utrecht-paragraph">{t('outreachHandover.notAllowed')}</p>;
  } else if (!open) {
    body = (
      <>
        <p className="utrecht-paragraph">{t('outreachHandover.intro')}</p>
        <div ref={start}>
          <ButtonGroup>
            <Button variant="primary" onClick={() => setOpen(true)}>
              {t('outreachHandover.start')}
            </Button>
          </ButtonGroup>
        </div>
      </>
    );
  } else {
    body = (
      <HandoverForm
        contactId={contact.id}
        onCancel={() => {
          setOpen(false);
          setCancelled(true);
        }}
        onHandedOver={(number) => {
          setHandedOver(number);
          onDone();
        }}
      />
    );
  }
  return (
    <div data-testid="handover-section">
      <Section title={t('outreachHandover.title')}>{body}</Section>
    </div>
  );
}

/** "Handed over as signal SIG-…": the number and the status its submitter may see. */
function HandedOver({ contactId, justNow }: { contactId: string; justNow: string | null }) {
  const { t } = useTranslation();
  const handover = useQuery(handoverQuery(contactId));
  const number = handover.data?.signalNumber ?? justNow;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justNow !== null) box.current?.focus();
  }, [justNow]);
  return (
    <div role="status" data-testid="handed-over" ref={box} tabIndex={-1}>
      <Alert type="ok">
        <p className="utrecht-paragraph">
          {number ? t('outreachHandover.handedOverAs', { number }) : t('outreachHandover.handedOver')}
        </p>
        {handover.data ? (
          <p className="utrecht-paragraph">
            {t('outreachHandover.handedOverBy', { name: handover.data.handedOverByName ?? t('outreachHandover.someone'), date: formatDateTime(handover.data.handedOverAt) })}{' '}
            {t('outreachHandover.signalStatus', { status: t(`caseCommon.signalStatus.${handover.data.status}`, { defaultValue: handover.data.status }) })}
          </p>
        ) : null}
      </Alert>
      <p className="utrecht-paragraph">{t('outreachHandover.next')}</p>
    </div>
  );
}

function HandoverForm({ contactId, onCancel, onHandedOver }: { contactId: string; onCancel: () => void; onHandedOver: (signalNumber: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const profile = useQuery(nrmProfileQuery);
  const [draft, setDraft] = useState<SignalDraft>({ ...EMPTY_DRAFT, legalBasis: 'consent' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const loaded = !!profile.data;
  useEffect(() => {
    if (loaded) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [loaded]);
  const change = (patch: Partial<SignalDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function check(): Record<string, string> {
    const missing = draftProblems(draft, t);
    if (!draft.consentConfirmed) missing.consentConfirmed = t('outreachHandover.consentRequired');
    return missing;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    const missing = check();
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) {
      announce(t('outreachHandover.fixErrors'));
      return;
    }
    const { clientRequestId: _id, legalBasis: _basis, consentConfirmed: _consent, ...signal } = toSignalInput(draft, '');
    const input: HandoverInput = { ...signal, consentConfirmed: true };
    sending.current = true;
    setBusy(true);
    announce(t('outreachHandover.sending'));
    try {
      const result = await handOverContact(contactId, input);
      announce(t('outreachHandover.handedOverAs', { number: result.signalNumber }));
      await queryClient.invalidateQueries({ queryKey: ['outreach'] });
      onHandedOver(result.signalNumber);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.problems.length === 0) {
        // Someone handed this contact over in the meantime: show that instead of the form.
        await queryClient.invalidateQueries({ queryKey: ['outreach'] });
        onHandedOver('');
        return;
      }
      const { fieldErrors, unmatched } = signalFieldErrors(caught);
      setErrors(fieldErrors);
      setError(unmatched || Object.keys(fieldErrors).length === 0 ? caught : null);
      announce(t('outreachHandover.notSent'));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  if (profile.isPending) return <Loading />;
  if (!profile.data) return <ErrorAlert error={profile.error} />;
  const errorCount = Object.keys(errors).length;
  return (
    <form ref={form} className="utrecht-form baken-form" aria-label={t('outreachHandover.formLabel')} onSubmit={(event) => void submit(event)} noValidate data-testid="handover-form">
      <p className="utrecht-paragraph">{t('outreachHandover.formLead')}</p>
      <UrgencySection draft={draft} change={change} errors={errors} />
      <PersonSection draft={draft} change={change} errors={errors} profile={profile.data} />
      <SafeContactSection draft={draft} change={change} errors={errors} profile={profile.data} />
      <IndicatorsSection draft={draft} change={change} errors={errors} profile={profile.data} />
      <ExploitationSection draft={draft} change={change} errors={errors} profile={profile.data} />
      <Section title={t('outreachHandover.consentTitle')}>
        <p className="utrecht-paragraph">{t('outreachHandover.consentWhat')}</p>
        <p className="utrecht-paragraph">{t('outreachHandover.consentWho')}</p>
        <p className="utrecht-paragraph">{t('outreachHandover.consentNotShared')}</p>
        <CheckboxField
          label={t('outreachHandover.consentLabel')}
          checked={draft.consentConfirmed}
          onChange={(event) => change({ consentConfirmed: event.target.checked })}
          error={errors.consentConfirmed}
        />
      </Section>
      {errorCount > 0 ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('outreachHandover.errorsBelow', { count: errorCount })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? t('outreachHandover.sending') : t('outreachHandover.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
