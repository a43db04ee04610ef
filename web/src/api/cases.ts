// The central information point's API as the registrar's and partners' pages use it: reference
// data (profile, directory), triage, signals, cases, consents and referrals (docs/referral-mechanism.md).
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Items } from './types.ts';

// ---------------------------------------------------------------- reference data

export type Label = { nl: string; en: string };
export type Coded = { code: string; label: Label };
/** A consent purpose's allowed basis: the profile writes objects, a plain code is accepted too. */
export type ConsentBasis = string | { basis: string; organisationTypes?: string[] | null; minorsOnly?: boolean };

export type NrmProfile = {
  id: string;
  version: string;
  languages: string[];
  regions: Coded[];
  formsOfExploitation: Coded[];
  sectors: (Coded & { forms?: string[] })[];
  indicatorCategories: (Coded & { items: Coded[] })[];
  dossierTypes: (Coded & { requiredConsents?: string[] })[];
  consentPurposes: (Coded & { bases: ConsentBasis[] })[];
  referralTypes: (Coded & { receivingOrganisationTypes: string[]; requiredConsents: string[]; defaultAccessProfile?: string })[];
  accessProfiles: (Coded & { fieldGroups: string[] })[];
  sexes?: (Coded | string)[];
  safeContactChannels?: (Coded | string)[];
};

export type DirectoryOrganisation = { id: string; name: string; type: string; region: string | null };

export const profileQuery = queryOptions({
  queryKey: ['nrm', 'profile'],
  queryFn: () => api<NrmProfile>('GET', '/api/nrm/profile'),
  staleTime: 10 * 60_000,
});

export const directoryQuery = (type?: string) =>
  queryOptions({
    queryKey: ['directory', 'organisations', type ?? ''],
    queryFn: () => api<Items<DirectoryOrganisation>>('GET', `/api/directory/organisations${query({ type })}`),
    staleTime: 60_000,
  });

// ---------------------------------------------------------------- signals and triage

export type Person = {
  name?: string | null;
  aliases?: string[] | null;
  dateOfBirth?: string | null;
  estimatedAge?: number | null;
  presumedMinor?: boolean | null;
  sex?: string | null;
  citizenships?: string[] | null;
  languages?: string[] | null;
  interpreterNeeded?: boolean | null;
  safeContactChannel?: string | null;
  contactDetails?: string | null;
  safetyNotes?: string | null;
};

export type TriageItem = {
  id: string;
  number: string;
  channel: string;
  receivedAt: string;
  status: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  presumedMinor: boolean | null;
  estimatedAge: number | null;
  forms: string[];
  region: string | null;
  sourceOrganisationName: string | null;
  duplicateCount: number;
};

export type PossibleDuplicate = { kind: 'case' | 'signal'; id: string; number: string; reasons: string[] };

export type SignalDecision = {
  decision: 'register' | 'advice-only' | 'no-indication' | 'merge' | string;
  reason: string | null;
  decidedAt: string;
  decidedByName: string | null;
  caseId: string | null;
  caseNumber: string | null;
};

export type SignalDetail = TriageItem & {
  submittedByName?: string | null;
  outreachContactId?: string | null;
  person: Person | null;
  indicators: string[];
  description: string | null;
  place: string | null;
  sector: string | null;
  legalBasis: string | null;
  additions: { receivedAt: string; text: string }[];
  possibleDuplicates: PossibleDuplicate[];
  decision: SignalDecision | null;
};

export type TriageStatus = 'open' | 'decided' | 'all';

export const triageQuery = (status: TriageStatus) =>
  queryOptions({
    queryKey: ['triage', status],
    queryFn: () => api<Items<TriageItem>>('GET', `/api/triage${query({ status })}`),
  });

export const signalQuery = (id: string) =>
  queryOptions({
    queryKey: ['signal', id],
    queryFn: () => api<SignalDetail>('GET', `/api/signals/${encodeURIComponent(id)}`),
    retry: false,
  });

export type ConsentInput = { purpose: string; legalBasis: string; organisationId?: string; givenOn: string; note?: string };

export type Registration = {
  person: Person;
  forms: string[];
  sector?: string;
  exploitationLocation?: string;
  place?: string;
  periodFrom?: string;
  periodTo?: string;
  description?: string;
  investigation?: { policeReportFiled?: boolean; cooperating?: boolean; suspectsCount?: number; notes?: string };
  region?: string;
  dossierType: string;
  consents: ConsentInput[];
};

export type DecisionInput =
  | { decision: 'register'; registration: Registration }
  | { decision: 'advice-only'; reason?: string }
  | { decision: 'no-indication'; reason: string }
  | { decision: 'merge'; caseId: string; reason?: string };

export function decideSignal(id: string, body: DecisionInput): Promise<SignalDetail> {
  return api<SignalDetail>('POST', `/api/signals/${encodeURIComponent(id)}/decision`, body);
}

// ---------------------------------------------------------------- cases

export type CaseListItem = {
  id: string;
  caseNumber: string;
  status: string;
  dossierType: string;
  registeredAt: string;
  presumedMinor: boolean | null;
  estimatedAge: number | null;
  sex: string | null;
  forms: string[];
  region: string | null;
  sourceOrganisationName: string | null;
  name: string | null;
};

export type CaseFilter = {
  q: string;
  status: string;
  dossierType: string;
  form: string;
  region: string;
  presumedMinor: string;
  registeredFrom: string;
  registeredTo: string;
};

export const EMPTY_CASE_FILTER: CaseFilter = { q: '', status: '', dossierType: '', form: '', region: '', presumedMinor: '', registeredFrom: '', registeredTo: '' };
export const CASE_PAGE_SIZE = 50;

export type CasePage = { items: CaseListItem[]; nextCursor: string | null };

export function fetchCasesPage(filter: CaseFilter, cursor: string | null, limit = CASE_PAGE_SIZE): Promise<CasePage> {
  return api<CasePage>('GET', `/api/cases${query({ ...filter, q: filter.q.trim(), cursor, limit })}`);
}

export type Consent = {
  id: string;
  purpose: string;
  legalBasis: string;
  organisationId: string | null;
  organisationName?: string | null;
  givenOn: string;
  note?: string | null;
  recordedAt?: string;
  recordedByName?: string | null;
  withdrawnAt?: string | null;
  withdrawnByName?: string | null;
  withdrawalReason?: string | null;
  active?: boolean;
};

export type ReferralStatus = 'requested' | 'accepted' | 'declined' | 'completed' | 'revoked';

export type Referral = {
  id: string;
  caseId?: string;
  caseNumber?: string;
  type: string;
  status: ReferralStatus | string;
  organisationId?: string;
  organisationName: string;
  accessProfile: string;
  note?: string | null;
  requestedAt: string;
  requestedByName?: string | null;
  respondedAt?: string | null;
  responseNote?: string | null;
  completedAt?: string | null;
  consentId?: string | null;
  consentOverridden?: boolean;
  overrideReason?: string | null;
  declineReason?: string | null;
  revokedAt?: string | null;
  revokeReason?: string | null;
};

export type DossierHistoryEntry = { dossierType: string; changedAt: string; changedByName?: string | null; reason: string | null };

export type FieldGroup = 'identity' | 'person' | 'exploitation' | 'investigation' | 'source' | 'consents' | 'referrals';

export type CaseDetail = {
  id: string;
  caseNumber: string;
  status: string;
  profile: { id: string; version: string };
  dossierType: string;
  dossierHistory: DossierHistoryEntry[];
  registeredAt: string;
  closedAt?: string | null;
  closureReason?: string | null;
  visibleFields: string[];
  identity?: Record<string, unknown>;
  person?: Record<string, unknown>;
  exploitation?: Record<string, unknown>;
  investigation?: Record<string, unknown>;
  source?: Record<string, unknown>;
  consents?: Consent[];
  referrals?: Referral[];
  myReferral?: Referral | null;
};

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['case', id],
    queryFn: () => api<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`),
    retry: false,
  });

export type CaseView = { at: string; userName: string | null; organisationName: string | null; action: string; purpose: string | null };

export const caseViewsQuery = (id: string) =>
  queryOptions({
    queryKey: ['case', id, 'views'],
    queryFn: () => api<Items<CaseView>>('GET', `/api/cases/${encodeURIComponent(id)}/views`),
  });

export function closeOrReopenCase(caseId: string, action: 'close' | 'reopen', reason: string): Promise<CaseDetail> {
  return api('POST', `/api/cases/${encodeURIComponent(caseId)}/${action}`, { reason });
}

export function changeDossierType(caseId: string, body: { dossierType: string; reason: string }): Promise<unknown> {
  return api('PATCH', `/api/cases/${encodeURIComponent(caseId)}/dossier-type`, body);
}

export function recordConsent(caseId: string, body: ConsentInput): Promise<Consent> {
  return api<Consent>('POST', `/api/cases/${encodeURIComponent(caseId)}/consents`, body);
}

export function withdrawConsent(consentId: string, reason: string): Promise<{ consent: Consent; revokedReferrals: Referral[] | number }> {
  return api('POST', `/api/consents/${encodeURIComponent(consentId)}/withdraw`, { reason });
}

export type ReferralInput = { type: string; organisationId: string; accessProfile?: string; note?: string; overrideConsent?: { reason: string } };

export function createReferral(caseId: string, body: ReferralInput): Promise<Referral> {
  return api<Referral>('POST', `/api/cases/${encodeURIComponent(caseId)}/referrals`, body);
}

// ---------------------------------------------------------------- referrals

export const referralsQuery = (status: string) =>
  queryOptions({
    queryKey: ['referrals', status],
    queryFn: () => api<Items<Referral>>('GET', `/api/referrals${query({ status })}`),
  });

export type ReferralAction = 'accept' | 'decline' | 'complete' | 'revoke';

export function actOnReferral(id: string, action: ReferralAction, body: { note?: string; reason?: string }): Promise<Referral> {
  return api<Referral>('POST', `/api/referrals/${encodeURIComponent(id)}/${action}`, body);
}

/** After any change to a case, its consents or referrals: refetch what may show it. */
export async function invalidateCase(queryClient: QueryClient, caseId?: string): Promise<void> {
  await Promise.all([
    caseId ? queryClient.invalidateQueries({ queryKey: ['case', caseId] }) : queryClient.invalidateQueries({ queryKey: ['case'] }),
    queryClient.invalidateQueries({ queryKey: ['cases'] }),
    queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  ]);
}
