// Online outreach, import: sources and their ingestion credentials, uploads with progress, import runs
// and the retention purge (src/http/routes/outreach-import.ts; docs/outreach-import.md).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, query, type FieldProblem } from './client.ts';
import type { Items } from './types.ts';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type ImportRun = {
  id: string;
  channel: 'upload' | 'cli' | 'api' | 'demo';
  source: string | null;
  fileName: string | null;
  status: ImportStatus;
  totalBytes: number;
  processedBytes: number;
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  malformed: number;
  clustersTouched: number;
  problems: { line: number; message: string }[];
  error: string | null;
  startedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type Source = {
  id: string;
  code: string;
  name: string;
  credential: { hint: string } | null;
  revokedAt: string | null;
  createdAt: string;
  ads: number;
  lastImportAt: string | null;
};

export type PurgeResult = { dryRun: boolean; asOf: string; cutoff: string; retentionDays: number; clusters: number; ads: number; versions: number };

/** The same limit as the server's (files are stored encrypted in one piece). */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
export const IMPORT_ACCEPT = '.jsonl,.ndjson,.json,application/x-ndjson,application/jsonl';

export const importsQuery = queryOptions({ queryKey: ['outreach', 'imports'], queryFn: () => api<Items<ImportRun>>('GET', `/api/outreach/imports${query({ limit: 20 })}`) });

/** One run, polled every second while it is queued or running. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['outreach', 'imports', id],
    queryFn: () => api<ImportRun>('GET', `/api/outreach/imports/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });

export const sourcesQuery = queryOptions({ queryKey: ['outreach', 'sources'], queryFn: () => api<Items<Source>>('GET', '/api/outreach/sources') });

export const createSource = (input: { code: string; name: string }) => api<Source>('POST', '/api/outreach/sources', input);
export const issueCredential = (id: string) => api<{ source: Source; token: string }>('POST', `/api/outreach/sources/${encodeURIComponent(id)}/credential`);
export const revokeCredential = (id: string) => api<Source>('DELETE', `/api/outreach/sources/${encodeURIComponent(id)}/credential`);
export const purgeAds = (dryRun: boolean) => api<PurgeResult>('POST', '/api/outreach/purge', { dryRun });

type UploadAnswer = { id?: string; error?: { code: string; message: string; problems?: FieldProblem[]; requestId?: string } };

function parseBody(text: string): UploadAnswer | null {
  try {
    return JSON.parse(text) as UploadAnswer;
  } catch {
    return null;
  }
}

/**
 * Uploads a JSON Lines file with XMLHttpRequest, whose upload events report the bytes sent (fetch has
 * no upload progress). Resolves with the id of the import run the server then processes.
 */
export function uploadImportFile(file: File, csrfToken: string, onProgress: (sent: number, total: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/outreach/imports${query({ fileName: file.name })}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/x-ndjson');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The server could not be reached.'));
    xhr.onload = () => {
      const json = parseBody(xhr.responseText);
      if (xhr.status === 202 && json?.id) return resolve({ id: json.id });
      const error = json?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? xhr.statusText, error?.problems ?? [], error?.requestId));
    };
    xhr.send(file);
  });
}

export async function invalidateImports(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['outreach', 'imports'] });
}
export async function invalidateSources(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['outreach', 'sources'] });
}
