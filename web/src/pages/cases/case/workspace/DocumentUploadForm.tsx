import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import { useSession } from '../../../../api/session.ts';
import { ACCEPTED_FILES, DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, invalidateWorkspace, uploadDocument, VISIBILITIES, type Visibility } from '../../../../api/workspace.ts';
import { ErrorAlert } from '../../../../components/Alert.tsx';
import { useAnnounce } from '../../../../components/Announcer.tsx';
import { Button, ButtonGroup } from '../../../../components/Button.tsx';
import { SelectField } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../lib/problems.ts';
import { RadioGroup } from '../../ui.tsx';

const FIELDS = ['type', 'visibility', 'fileName', 'file', 'headers.content-type'] as const;

/** Uploads one file with its type and visibility; the server checks the content and the size. */
export function DocumentUploadForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [type, setType] = useState('');
  const [visibility, setVisibility] = useState<Visibility | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileError = errors.file ?? errors['headers.content-type'] ?? errors.fileName;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!type) missing.type = t('form.requiredChoice', { field: t('workspace.documents.type') });
    if (!visibility) missing.visibility = t('form.requiredChoice', { field: t('workspace.documents.visibility') });
    if (!file) missing.file = t('workspace.documents.chooseFile');
    else if (file.size > DOCUMENT_MAX_BYTES) missing.file = t('workspace.documents.tooLarge');
    setErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0 || !file || !visibility || !session) return;
    setBusy(true);
    try {
      const saved = await uploadDocument(caseId, file, { type, visibility }, session.csrfToken);
      announce(t('workspace.documents.uploaded', { name: saved.fileName ?? file.name }));
      setType('');
      setVisibility('');
      setFile(null);
      if (input.current) input.current.value = '';
      await invalidateWorkspace(queryClient, caseId);
    } catch (caught) {
      // Content and size refusals belong to the file field, in the interface language (with the server's detail).
      if (caught instanceof ApiError && (caught.code === 'UNSUPPORTED_MEDIA_TYPE' || caught.code === 'PAYLOAD_TOO_LARGE')) {
        const lead = t(caught.code === 'PAYLOAD_TOO_LARGE' ? 'workspace.documents.tooLarge' : 'workspace.documents.wrongContent');
        setErrors({ file: `${lead} (${caught.message})` });
        return;
      }
      const split = formErrors(caught, FIELDS);
      setErrors(split.fieldErrors);
      setError(split.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="utrecht-form baken-form baken-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="document-form-title" data-testid="document-form">
      <h3 className="utrecht-heading-3" id="document-form-title">{t('workspace.documents.add')}</h3>
      <ErrorAlert error={error} />
      <SelectField label={t('workspace.documents.type')} name="type" required value={type} onChange={(event) => setType(event.target.value)} error={errors.type}>
        <option value="">{t('form.choose')}</option>
        {DOCUMENT_TYPES.map((code) => <option key={code} value={code}>{t(`workspace.documentTypes.${code}`)}</option>)}
      </SelectField>
      <RadioGroup
        legend={t('workspace.documents.visibility')}
        name="document-visibility"
        required
        value={visibility}
        onChange={(value) => setVisibility(value as Visibility)}
        error={errors.visibility}
        testId="document-visibility"
        choices={VISIBILITIES.map((level) => ({ value: level, label: t(`workspace.visibility.${level}.label`), description: t(`workspace.visibility.${level}.description`) }))}
      />
      <div className={`utrecht-form-field utrecht-form-field--distanced${fileError ? ' utrecht-form-field--invalid' : ''}`}>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={fileId}>{t('workspace.documents.file')}</label>
        </div>
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${fileId}-description`}>{t('workspace.documents.fileHint')}</div>
        {fileError ? <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${fileId}-error`}>{fileError}</div> : null}
        <div className="utrecht-form-field__input">
          <input
            id={fileId}
            ref={input}
            type="file"
            name="file"
            accept={ACCEPTED_FILES}
            aria-required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ''}`}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="document-file"
          />
        </div>
      </div>
      <ButtonGroup>
        <Button type="submit" variant="primary" busy={busy}>{t('workspace.documents.upload')}</Button>
      </ButtonGroup>
    </form>
  );
}
