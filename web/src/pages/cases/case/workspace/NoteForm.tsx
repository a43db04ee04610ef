import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateWorkspace, VISIBILITIES, writeNote, type Visibility } from '../../../../api/workspace.ts';
import { ErrorAlert } from '../../../../components/Alert.tsx';
import { useAnnounce } from '../../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { RadioGroup, TextAreaField } from '../../ui.tsx';

const FIELDS = ['visibility', 'body'] as const;
export const NOTE_MAX_LENGTH = 10_000;

/** A new note: who may read it (each level explained) and the text. Notes cannot be edited later. */
export function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [visibility, setVisibility] = useState<Visibility | ''>('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!visibility) missing.visibility = t('form.requiredChoice', { field: t('workspace.notes.visibility') });
    if (!body.trim()) missing.body = t('form.requiredField', { field: t('workspace.notes.body') });
    else if (body.trim().length > NOTE_MAX_LENGTH) missing.body = t('workspace.notes.tooLong', { max: NOTE_MAX_LENGTH });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0 || !visibility) return;
    setBusy(true);
    try {
      await writeNote(caseId, { visibility, body });
      setBody('');
      setVisibility('');
      announce(t('workspace.notes.saved'));
      await invalidateWorkspace(queryClient, caseId);
    } catch (caught) {
      const split = formErrors(caught, FIELDS);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="note-form-title" data-testid="note-form">
      <h3 className="utrecht-heading-3" id="note-form-title">{t('workspace.notes.add')}</h3>
      <ErrorAlert error={error} />
      <RadioGroup
        legend={t('workspace.notes.visibility')}
        name="note-visibility"
        required
        value={visibility}
        onChange={(value) => setVisibility(value as Visibility)}
        error={errors.visibility}
        testId="note-visibility"
        choices={VISIBILITIES.map((level) => ({ value: level, label: t(`workspace.visibility.${level}.label`), description: t(`workspace.visibility.${level}.description`) }))}
      />
      <TextAreaField label={t('workspace.notes.body')} name="body" required rows={4} value={body} onChange={(event) => setBody(event.target.value)} error={errors.body} description={t('workspace.notes.bodyHint')} />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('workspace.notes.save')}</Button>
      </ButtonGroup>
    </form>
  );
}
