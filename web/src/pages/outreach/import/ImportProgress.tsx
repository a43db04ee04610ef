import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../api/outreach-import.ts';
import { formatBytes, percent } from './format.ts';

export type UploadState = { sent: number; total: number };

/**
 * One progress bar for both phases: the upload (bytes sent, from XMLHttpRequest upload events) and
 * then the server's import (bytes processed, polled). The text beside it is a live status region.
 */
export function ImportProgress({ upload, run }: { upload: UploadState | null; run: ImportRun | null }) {
  const { t } = useTranslation();
  const labelId = useId();
  let value: number;
  let text: string;
  if (run) {
    value = run.status === 'done' ? 100 : percent(run.processedBytes, run.totalBytes);
    if (run.status === 'queued') text = t('outreachImport.progress.queued');
    else if (run.status === 'running') text = t('outreachImport.progress.running', { percent: value, lines: run.lines });
    else if (run.status === 'done') text = t('outreachImport.progress.done', { lines: run.lines });
    else text = t('outreachImport.progress.failed', { error: run.error ?? '' });
  } else {
    value = upload ? percent(upload.sent, upload.total) : 0;
    text = t('outreachImport.progress.uploading', { percent: value, sent: formatBytes(upload?.sent ?? 0), total: formatBytes(upload?.total ?? 0) });
  }
  return (
    <div className="baken-import-progress" data-testid="import-progress" data-status={run?.status ?? 'uploading'}>
      <span id={labelId} className="visually-hidden">{t('outreachImport.progress.label')}</span>
      <progress aria-labelledby={labelId} max={100} value={value} style={{ inlineSize: '100%', maxInlineSize: '40rem', blockSize: '1.25rem' }}>{`${value}%`}</progress>
      <p className="utrecht-paragraph" role="status" data-testid="import-status">{text}</p>
    </div>
  );
}
