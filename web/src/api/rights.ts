// Data-subject rights (export, correction with history) and retention runs
// (docs/data-subject-rights.md; src/http/routes/rights.ts).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Items } from './types.ts';

export const IDENTITY_FIELDS = ['name', 'aliases', 'dateOfBirth', 'safeContactChannel', 'contactDetails', 'safetyNotes'] as const;
export const PERSON_FIELDS = ['estimatedAge', 'presumedMinor', 'sex', 'citizenships', 'languages', 'interpreterNeeded'] as const;
export type CorrectableField = (typeof IDENTITY_FIELDS)[number] | (typeof PERSON_FIELDS)[number];
export type FieldValue = string | number | boolean | string[] | null;

export type Correction = {
  id: string;
  field: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  reason: string;
  correctedAt: string;
  correctedByName: string | null;
};

/** Links, not fetches: the browser downloads the attachment with the session cookie. */
export function exportUrl(caseId: string, format: 'json' | 'html', lang?: 'nl' | 'en'): string {
  return `/api/cases/${encodeURIComponent(caseId)}/export${query({ format, lang })}`;
}

export const correctionsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'corrections'],
    queryFn: () => api<Items<Correction>>('GET', `/api/cases/${encodeURIComponent(caseId)}/corrections`),
  });

export function correctCase(caseId: string, body: { changes: { field: CorrectableField; value: FieldValue }[]; reason: string }): Promise<Items<Correction>> {
  return api('POST', `/api/cases/${encodeURIComponent(caseId)}/corrections`, body);
}

export type RetentionAction = 'delete' | 'anonymise';
export type RetentionReport = {
  version: 1;
  dryRun: boolean;
  asOf: string;
  items: { recordType: string; action: RetentionAction; records: number; references: string[] }[];
  totals: { targets: number; records: number; failures: number };
  failures: { kind: 'case' | 'signal'; reference: string; error: string }[];
  skippedRules: { profile: string; recordType: string; action: string; why: string }[];
};
export type RetentionRun = { id: string; dryRun: boolean; startedAt: string; finishedAt: string | null; startedBy: string; report: RetentionReport | null };

export const retentionRunsQuery = queryOptions({
  queryKey: ['retention-runs'],
  queryFn: () => api<Items<RetentionRun>>('GET', '/api/retention/runs'),
});

export function startRetentionRun(dryRun: boolean): Promise<RetentionRun> {
  return api('POST', '/api/retention/runs', { dryRun });
}

export async function invalidateRetention(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['retention-runs'] });
}
