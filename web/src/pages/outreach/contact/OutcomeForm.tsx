import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactQuery, OUTCOMES, recordOutcome, type ContactDetail, type Outcome } from '../../../api/outreach-contact.ts';
import { Alert, ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { RadioGroup, TextAreaField } from '../../../components/choice-fields.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Section } from '../../../components/Page.tsx';
import { formErrors } from '../../../lib/problems.ts';

/** Records an outcome with an optional note and follow-up reminder (a local date and time). */
export function OutcomeForm({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      recordOutcome(contact.id, {
        outcome: outcome as Outcome,
        ...(note.trim() ? { note } : {}),
        ...(followUp ? { followUpAt: new Date(followUp).toISOString() } : {}),
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(contactQuery(contact.id).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'contacts'] });
      setOutcome('');
      setNote('');
      setFollowUp('');
      setSaved(true);
    },
  });
  const { fieldErrors, formError } = formErrors(save.error, ['outcome', 'note', 'followUpAt']);
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!outcome) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate();
  }

  return (
    <Section title={t('outreachContact.outcomeForm.title')}>
      <form onSubmit={submit} noValidate aria-label={t('outreachContact.outcomeForm.title')}>
        <ErrorAlert error={formError} />
        <RadioGroup
          legend={t('outreachContact.field.outcome')}
          name="outcome"
          required
          columns
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome)}
          error={missing ? t('outreachContact.outcomeForm.chooseOutcome') : fieldErrors.outcome}
          choices={OUTCOMES.map((o) => ({ value: o, label: t(`outreachContact.outcome.${o}`) }))}
        />
        <TextAreaField label={t('outreachContact.field.note')} description={t('outreachContact.outcomeForm.noteHelp')} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} error={fieldErrors.note} />
        <TextField
          label={t('outreachContact.field.followUpAt')}
          description={t('outreachContact.outcomeForm.followUpHelp')}
          type="datetime-local"
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
          error={fieldErrors.followUpAt}
        />
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t('outreachContact.outcomeForm.save')}
          </Button>
        </ButtonGroup>
        {saved ? (
          <Alert type="ok">
            <p className="utrecht-paragraph" role="status">{t('outreachContact.outcomeForm.saved')}</p>
          </Alert>
        ) : null}
      </form>
    </Section>
  );
}
