// The case workspace: notes, documents, timeline and hand-made tasks (docs/case-workspace.md;
// src/http/routes/workspace.ts).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, query, type FieldProblem } from './client.ts';
import type { Label } from './cases.ts';
import type { Items } from './types.ts';

export const VISIBILITIES = ['organisation', 'involved', 'registrar'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const DOCUMENT_TYPES = ['identity-document', 'police-report', 'medical', 'legal', 'decision', 'correspondence', 'other'] as const;
export const TASK_KINDS = ['follow-up', 'contact-person', 'arrange-shelter', 'arrange-care', 'request-documents', 'prepare-decision', 'review-case', 'other'] as const;
/** Accepted media types by file extension, for browsers that report no type for a file. */
const MEDIA_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.txt,.docx,.odt';
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type WorkspaceActor = { name: string | null; organisationName: string | null } | null;

export type Note = { id: string; caseId: string; visibility: Visibility; body: string | null; author: WorkspaceActor; mine: boolean; createdAt: string };

export type CaseDocument = {
  id: string;
  caseId: string;
  documentType: string;
  visibility: Visibility;
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: WorkspaceActor;
  uploadedAt: string;
  mine: boolean;
  removed: { at: string; by: WorkspaceActor; reason: string | null } | null;
  mayRemove: boolean;
};

export type TimelineCategory = 'case' | 'consent' | 'referral' | 'identification' | 'investigation' | 'clock' | 'note' | 'document';
export type TimelineEntry = {
  id: string;
  category: TimelineCategory;
  at: string;
  code: string;
  /** The profile's label of the event or clock ({ nl, en }); null for notes and documents. */
  label: Label | null;
  actor: WorkspaceActor;
  actorKind: 'user' | 'system' | 'anonymous';
  subject: { type: string; id: string } | null;
  details: Record<string, string | number | boolean | null>;
};
export type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };

export type TaskAssignees = {
  roles: { id: string; name: string; needsOrganisation: boolean }[];
  organisations: { id: string; name: string }[];
  people: { id: string; name: string; organisationName: string; roleId: string; roleName: string }[];
};
export type NewTask = { kind: string; assignee: { userId: string } | { role: string; organisationId?: string | null }; dueDate: string; note?: string };

export const notesQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'notes'], queryFn: () => api<Items<Note>>('GET', `/api/cases/${encodeURIComponent(caseId)}/notes`) });

export const documentsQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'documents'], queryFn: () => api<Items<CaseDocument>>('GET', `/api/cases/${encodeURIComponent(caseId)}/documents`) });

export const timelineQuery = (caseId: string, order: 'asc' | 'desc') =>
  queryOptions({
    queryKey: ['case', caseId, 'timeline', order],
    queryFn: () => api<TimelinePage>('GET', `/api/cases/${encodeURIComponent(caseId)}/timeline${query({ order, limit: 500 })}`),
  });

export const taskAssigneesQuery = (caseId: string) =>
  queryOptions({ queryKey: ['case', caseId, 'task-assignees'], queryFn: () => api<TaskAssignees>('GET', `/api/cases/${encodeURIComponent(caseId)}/task-assignees`) });

export function writeNote(caseId: string, body: { visibility: Visibility; body: string }): Promise<Note> {
  return api<Note>('POST', `/api/cases/${encodeURIComponent(caseId)}/notes`, body);
}

export function removeDocument(id: string, reason: string): Promise<CaseDocument> {
  return api<CaseDocument>('POST', `/api/documents/${encodeURIComponent(id)}/remove`, { reason });
}

export function createTask(caseId: string, body: NewTask): Promise<unknown> {
  return api('POST', `/api/cases/${encodeURIComponent(caseId)}/tasks`, body);
}

export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}/content`;

export function mediaTypeOf(file: File): string {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return file.type || MEDIA_BY_EXTENSION[extension] || 'application/octet-stream';
}

/**
 * Uploads the file's bytes as the request body (not JSON, so not through api()); the CSRF token
 * comes from the session. Errors become ApiErrors like every other call.
 */
export async function uploadDocument(caseId: string, file: File, meta: { type: string; visibility: Visibility }, csrfToken: string): Promise<CaseDocument> {
  const url = `/api/cases/${encodeURIComponent(caseId)}/documents${query({ type: meta.type, visibility: meta.visibility, fileName: file.name })}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': mediaTypeOf(file), 'x-csrf-token': csrfToken }, body: file });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  const json = (await response.json().catch(() => null)) as (CaseDocument & { error?: { code: string; message: string; problems?: FieldProblem[]; requestId?: string } }) | null;
  if (response.ok && json) return json;
  const error = json?.error;
  throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText, error?.problems ?? [], error?.requestId);
}

/** After a workspace change: the case's notes, documents, timeline and the task lists. */
export async function invalidateWorkspace(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['case', caseId] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]);
}
