// Identification procedures, decisions and reviews, and case milestones (docs/identification.md;
// src/http/routes/identification.ts).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/** A profile label per language ({ nl, en }); null when the profile no longer knows the code. */
export type ProfileLabel = Record<string, string> | null;

export type IdentificationClock = { id: string; code: string; label: ProfileLabel; state: string; dueAt: string; overdue: boolean };

export type IdentificationDocument = { id: string; documentType: string | null; uploadedAt: string | null; removed: boolean };

export type IdentificationDecision = {
  id: string;
  kind: 'decision' | 'review';
  review: { code: string; label: ProfileLabel; kind: string | null } | null;
  reviewsDecisionId: string | null;
  status: 'requested' | 'decided';
  outcome: string | null;
  outcomeLabel: ProfileLabel;
  decisionBody: string;
  decisionBodyLabel: ProfileLabel;
  decidedOn: string | null;
  requestedAt: string | null;
  recordedAt: string;
  recordedByName: string | null;
  reasons: string | null;
  reasonsHidden: boolean;
  documents: IdentificationDocument[];
};

export type IdentificationProcedure = {
  id: string;
  stage: string;
  stageLabel: ProfileLabel;
  status: 'open' | 'decided' | 'withdrawn';
  awaiting: 'decision' | 'review-decision' | null;
  decisionBody: string;
  decisionBodyLabel: ProfileLabel;
  bodyOrganisationId: string | null;
  bodyOrganisationName: string | null;
  requestedAt: string;
  requestedByName: string | null;
  closedAt: string | null;
  clock: IdentificationClock | null;
  decisions: IdentificationDecision[];
  reviews: { code: string; label: ProfileLabel; kind: string; available: boolean; unavailableReason: string | null; windowDueAt: string | null }[];
};

export type IdentificationStage = {
  code: string;
  label: ProfileLabel;
  decisionBody: { code: string; label: ProfileLabel; organisationType: string | null; binding: boolean | null };
  outcomes: { code: string; label: ProfileLabel }[];
  reviews: { code: string; label: ProfileLabel; kind: string }[];
  requestable: boolean;
  notRequestableReason: string | null;
};

export type StageStatus = {
  stage: string;
  stageLabel: ProfileLabel;
  outcome: string;
  outcomeLabel: ProfileLabel;
  htcdsStatus: string | null;
  decidedOn: string | null;
  binding: boolean | null;
  afterReview: { code: string; label: ProfileLabel } | null;
};

export type CaseIdentification = {
  caseId: string;
  caseStatus: string;
  profile: { id: string; version: string };
  stages: IdentificationStage[];
  status: StageStatus[];
  procedures: IdentificationProcedure[];
  documents: { id: string; documentType: string; uploadedAt: string }[];
};

export type DecisionInput = { outcome: string; decidedOn: string; reasons: string; documentIds?: string[] };

export type Milestone = { id: string; event: string; label: ProfileLabel; at: string; recordedByName: string | null };
export type CaseMilestones = { caseStatus: string; allowed: { code: string; label: ProfileLabel }[]; items: Milestone[] };

const path = (id: string) => encodeURIComponent(id);

export const identificationQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'identification'],
    queryFn: () => api<CaseIdentification>('GET', `/api/cases/${path(caseId)}/identification`),
  });

export const milestonesQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'milestones'],
    queryFn: () => api<CaseMilestones>('GET', `/api/cases/${path(caseId)}/milestones`),
  });

export function requestIdentification(caseId: string, body: { stage: string; organisationId?: string }): Promise<IdentificationProcedure> {
  return api<IdentificationProcedure>('POST', `/api/cases/${path(caseId)}/identification`, body);
}

export function recordDecision(procedureId: string, body: DecisionInput): Promise<IdentificationProcedure> {
  return api<IdentificationProcedure>('POST', `/api/identification/procedures/${path(procedureId)}/decision`, body);
}

export function requestReview(procedureId: string, review: string): Promise<IdentificationProcedure> {
  return api<IdentificationProcedure>('POST', `/api/identification/procedures/${path(procedureId)}/reviews`, { review });
}

export function decideReview(reviewId: string, body: DecisionInput): Promise<IdentificationProcedure> {
  return api<IdentificationProcedure>('POST', `/api/identification/reviews/${path(reviewId)}/decision`, body);
}

export function recordMilestone(caseId: string, event: string): Promise<Milestone> {
  return api<Milestone>('POST', `/api/cases/${path(caseId)}/events`, { event });
}

/** Identification and milestones move clocks and may end the deciding body's access: refresh the whole case. */
export async function invalidateCaseWork(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
    queryClient.invalidateQueries({ queryKey: ['clocks'] }),
    queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
}
