import type { PersonInput } from '../../cases/person.ts';

/**
 * What an outreach worker records when a person wants help (POST /api/outreach/contacts/:id/handover):
 * the same facts as a professional signal, with consent as the only legal basis.
 */
export type HandoverInput = {
  /** The person agreed to be handed over to the central information point: must be true. */
  consentConfirmed: boolean;
  person: PersonInput;
  description: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  indicators?: string[];
  forms?: string[];
  sector?: string;
  region?: string;
  place?: string;
};

/** Outcomes after which a handover makes sense: the person answered and a conversation can take place. */
export const HANDOVER_OUTCOMES = ['replied', 'conversation', 'wants-help'] as const;

export type HandoverResult = { created: boolean; signalId: string; signalNumber: string };
