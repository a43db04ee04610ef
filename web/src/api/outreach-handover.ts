// Online outreach: handing a person who wants help over to the central information point.
// Shapes follow docs/outreach-handover-and-funnel.md; the web app depends on the contract, not on src/.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import type { SignalPersonInput } from './intake.ts';

export type HandoverInput = {
  /** The person agreed to be handed over: the server refuses anything but true. */
  consentConfirmed: boolean;
  person: SignalPersonInput;
  description: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  indicators?: string[];
  forms?: string[];
  sector?: string;
  region?: string;
  place?: string;
};

export type HandedOver = { signalId: string; signalNumber: string };

/** 201 with the new signal; a contact that was handed over already answers 409 (ApiError status 409). */
export function handOverContact(contactId: string, input: HandoverInput): Promise<HandedOver> {
  return api<HandedOver>('POST', `/api/outreach/contacts/${encodeURIComponent(contactId)}/handover`, input);
}

/** The signal a contact was handed over as (number and the status a submitter sees). */
export type Handover = { contactId: string; signalId: string; signalNumber: string; status: string; handedOverAt: string; handedOverByName: string | null };

export const handoverQuery = (contactId: string) =>
  queryOptions({
    queryKey: ['outreach', 'handover', contactId],
    queryFn: () => api<Handover>('GET', `/api/outreach/contacts/${encodeURIComponent(contactId)}/handover`),
    retry: false,
  });
