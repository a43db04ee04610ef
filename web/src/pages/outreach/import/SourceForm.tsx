import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createSource, invalidateSources } from '../../../api/outreach-import.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { TextField } from '../../../components/fields.tsx';
import { formErrors } from '../../../lib/problems.ts';

const FIELDS = ['code', 'name'] as const;

/** Adds a source (administrators). */
export function SourceForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!code.trim()) missing.code = t('form.requiredField', { field: t('outreachImport.sources.code') });
    if (!name.trim()) missing.name = t('form.requiredField', { field: t('outreachImport.sources.name') });
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const source = await createSource({ code: code.trim(), name: name.trim() });
      announce(t('outreachImport.sources.added', { code: source.code }));
      setCode('');
      setName('');
      await invalidateSources(queryClient);
    } catch (caught) {
      const split = formErrors(caught, FIELDS);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('outreachImport.sources.addTitle')} data-testid="source-form">
      <ErrorAlert error={error} />
      <TextField label={t('outreachImport.sources.code')} name="code" required value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} description={t('outreachImport.sources.codeHint')} autoComplete="off" spellCheck={false} />
      <TextField label={t('outreachImport.sources.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoComplete="off" />
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('outreachImport.sources.add')}</Button>
      </ButtonGroup>
    </form>
  );
}
