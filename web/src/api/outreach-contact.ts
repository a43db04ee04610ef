// Online outreach, safe contact: templates, contacts, outcomes and opt-outs
// (docs/outreach-contact.md; src/http/routes/outreach-contact.ts).
import { queryOptions } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Items } from './types.ts';

export const OUTREACH_LANGUAGES = ['nl', 'en', 'ro', 'es', 'hu', 'bg', 'pl', 'th'] as const;
export type OutreachLanguage = (typeof OUTREACH_LANGUAGES)[number];
export const CHANNELS = ['sms', 'messaging-app', 'call'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['no-answer', 'replied', 'conversation', 'declined', 'wants-help', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OPT_OUT_VIA = ['reply', 'call', 'worker', 'third-party', 'other'] as const;
export type OptOutVia = (typeof OPT_OUT_VIA)[number];
export type TemplateStatus = 'draft' | 'approved' | 'retired';
export type Delivery = 'queued' | 'sent' | 'failed' | 'logged';

export type SafetyProblem = { code: string; message: string; word?: string; language?: string };

export type MessageTemplate = {
  id: string;
  language: string;
  name: string;
  body: string;
  status: TemplateStatus;
  problems: SafetyProblem[];
  preview: string;
  length: number;
  createdByName: string | null;
  mine: boolean;
  approvedByName: string | null;
  createdAt: string;
  approvedAt: string | null;
  retiredAt: string | null;
  mayApprove: boolean;
};

export type TemplateCheck = { problems: SafetyProblem[]; preview: string; length: number; limit: number; sms: { encoding: 'gsm-7' | 'ucs-2'; parts: number } };

export type ContactSummary = {
  id: string;
  clusterId: string | null;
  phoneHint: string;
  channel: Channel;
  language: string;
  templateId: string | null;
  delivery: Delivery;
  deliveryError: string | null;
  outcome: Outcome | null;
  outcomeAt: string | null;
  followUpAt: string | null;
  followUpDue: boolean;
  signalId: string | null;
  createdAt: string;
  sentAt: string | null;
  createdByName: string | null;
};

export type ContactEvent = { id: string; at: string; event: string; outcome: string | null; note: string | null; actorName: string | null };

export type ContactDetail = ContactSummary & {
  templateName: string | null;
  message: string | null;
  provider: string;
  optedOut: boolean;
  awaitingManualSend: boolean;
  events: ContactEvent[];
};

export type NewContact = { clusterId: string; phoneToken: string; channel: Channel; language: string; templateId?: string };
export type OutcomeInput = { outcome: Outcome; note?: string; followUpAt?: string };
export type OptOutResult = { optedOut: true; alreadyRecorded: boolean; recordedAt: string; via: string; cancelled: number };

/** The part of the worklist's cluster page that starting a contact needs. */
export type ContactTargetCluster = {
  cluster: { id: string; languages: string[]; cities: string[] };
  phones: { token: string; hint: string; ads: number; optedOut: boolean; lastContactAt: string | null }[];
};

export const templatesQuery = (filter: { language?: string; status?: TemplateStatus } = {}) =>
  queryOptions({
    queryKey: ['outreach', 'templates', filter],
    queryFn: () => api<Items<MessageTemplate>>('GET', `/api/outreach/templates${query(filter)}`),
  });

export const contactsQuery = (filter: { followUpDue?: boolean; outcome?: string; clusterId?: string } = {}) =>
  queryOptions({
    queryKey: ['outreach', 'contacts', filter],
    queryFn: () =>
      api<Items<ContactSummary>>('GET', `/api/outreach/contacts${query({ followUpDue: filter.followUpDue ? 'true' : undefined, outcome: filter.outcome, clusterId: filter.clusterId })}`),
  });

export const contactQuery = (id: string) =>
  queryOptions({ queryKey: ['outreach', 'contact', id], queryFn: () => api<ContactDetail>('GET', `/api/outreach/contacts/${encodeURIComponent(id)}`) });

export const targetClusterQuery = (clusterId: string) =>
  queryOptions({
    queryKey: ['outreach', 'cluster', clusterId, 'contact-target'],
    queryFn: () => api<ContactTargetCluster>('GET', `/api/outreach/clusters/${encodeURIComponent(clusterId)}`),
    staleTime: 60_000,
  });

export const checkTemplate = (language: string, body: string) => api<TemplateCheck>('POST', '/api/outreach/templates/check', { language, body });
export const createTemplate = (input: { language: string; name: string; body: string }) => api<MessageTemplate>('POST', '/api/outreach/templates', input);
export const updateTemplate = (id: string, input: { language?: string; name?: string; body?: string }) =>
  api<MessageTemplate>('PATCH', `/api/outreach/templates/${encodeURIComponent(id)}`, input);
export const approveTemplate = (id: string) => api<MessageTemplate>('POST', `/api/outreach/templates/${encodeURIComponent(id)}/approve`);
export const retireTemplate = (id: string) => api<MessageTemplate>('POST', `/api/outreach/templates/${encodeURIComponent(id)}/retire`);

export const createContact = (input: NewContact) => api<ContactDetail>('POST', '/api/outreach/contacts', input);
export const recordOutcome = (id: string, input: OutcomeInput) => api<ContactDetail>('POST', `/api/outreach/contacts/${encodeURIComponent(id)}/outcome`, input);
export const revealContactPhone = (id: string) => api<{ phone: string }>('POST', `/api/outreach/contacts/${encodeURIComponent(id)}/reveal`);
export const revealClusterPhone = (clusterId: string, token: string) =>
  api<{ phone: string }>('POST', `/api/outreach/clusters/${encodeURIComponent(clusterId)}/phones/${encodeURIComponent(token)}/reveal`);
export const recordOptOut = (id: string, via: OptOutVia) => api<OptOutResult>('POST', `/api/outreach/contacts/${encodeURIComponent(id)}/opt-out`, { via });
export const confirmSent = (id: string) => api<ContactDetail>('POST', `/api/outreach/contacts/${encodeURIComponent(id)}/sent`);
