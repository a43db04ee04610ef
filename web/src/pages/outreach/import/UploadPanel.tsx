import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES, importQuery, invalidateImports, uploadImportFile } from '../../../api/outreach-import.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorAlert } from '../../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../../components/Button.tsx';
import { ImportProgress, type UploadState } from './ImportProgress.tsx';
import { ImportResult } from './ImportResult.tsx';

/** Upload a JSON Lines file, follow the upload and then the server's import, and show the result. */
export function UploadPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useQuery({ ...importQuery(runId ?? ''), enabled: runId !== null });
  const status = run.data?.status;
  const finished = status === 'done' || status === 'failed';
  const busy = upload !== null && !finished && !error;

  useEffect(() => {
    if (finished) void invalidateImports(queryClient);
  }, [finished, queryClient]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!file) return setFileError(t('outreachImport.upload.chooseFile'));
    if (file.size > IMPORT_MAX_BYTES) return setFileError(t('outreachImport.upload.tooLarge'));
    if (!session) return;
    setFileError(null);
    setRunId(null);
    setUpload({ sent: 0, total: file.size });
    try {
      const { id } = await uploadImportFile(file, session.csrfToken, (sent, total) => setUpload({ sent, total }));
      setRunId(id);
      await invalidateImports(queryClient);
    } catch (caught) {
      setUpload(null);
      if (caught instanceof ApiError && ['UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'VALIDATION_FAILED'].includes(caught.code)) {
        setFileError(`${t('outreachImport.upload.wrongFormat')}: ${caught.message}`);
      } else setError(caught);
    }
  }

  function reset() {
    setFile(null);
    setUpload(null);
    setRunId(null);
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  return (
    <>
      <form className="utrecht-form baken-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('outreachImport.upload.title')} data-testid="import-form">
        <ErrorAlert error={error} />
        <div className={`utrecht-form-field utrecht-form-field--distanced${fileError ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={fileId}>{t('outreachImport.upload.file')}</label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id={`${fileId}-description`}>{t('outreachImport.upload.fileHint')}</div>
          {fileError ? <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${fileId}-error`}>{fileError}</div> : null}
          <div className="utrecht-form-field__input">
            <input
              id={fileId}
              ref={input}
              type="file"
              name="file"
              accept={IMPORT_ACCEPT}
              aria-required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ''}`}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              disabled={busy}
              data-testid="import-file"
            />
          </div>
        </div>
        <ButtonGroup>
          <Button type="submit" variant="primary" busy={busy}>{t('outreachImport.upload.submit')}</Button>
          {finished ? <Button onClick={reset}>{t('outreachImport.upload.another')}</Button> : null}
        </ButtonGroup>
      </form>
      {upload || run.data ? (
        <>
          <h3 className="utrecht-heading-3">{t('outreachImport.progress.title')}</h3>
          <ImportProgress upload={upload} run={run.data ?? null} />
          <ErrorAlert error={run.error} />
        </>
      ) : null}
      {run.data && finished ? <ImportResult run={run.data} /> : null}
    </>
  );
}
