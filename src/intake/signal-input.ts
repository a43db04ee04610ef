import type { InvestigationInput } from '../cases/investigation.ts';
import type { PersonInput } from '../cases/person.ts';

/** What a signed-in professional reports (POST /api/signals). */
export type ProfessionalSignalInput = {
  clientRequestId: string;
  person: PersonInput;
  indicators: string[];
  forms: string[];
  sector?: string;
  region?: string;
  place?: string;
  acuteDanger: boolean;
  minorInvolved: boolean;
  description: string;
  legalBasis: 'statutory-task' | 'consent';
  consentConfirmed?: boolean;
};

/** What anyone can report without an account (POST /api/public/reports). */
export type PublicReportInput = {
  kind: 'self-report' | 'tip';
  language: string;
  message: string;
  acuteDanger?: boolean;
  about?: { name?: string; age?: number; place?: string; work?: string };
  contact?: { channel: 'none' | 'phone' | 'email'; value?: string; safeTimes?: string };
  website: string;
  challenge: string;
  nonce: string;
};

export type ConsentInput = { purpose: string; legalBasis: 'consent' | 'statutory-task' | 'vital-interest' | 'best-interests-of-child'; organisationId?: string; givenOn: string; note?: string };

/** The registrar's registration of a presumed victim (decision "register"). */
export type RegistrationInput = {
  person: PersonInput;
  forms: string[];
  sector?: string;
  exploitationLocation?: 'in-country' | 'abroad' | 'both' | 'unknown';
  place?: string;
  periodFrom?: string;
  periodTo?: string;
  description?: string;
  investigation?: InvestigationInput;
  region?: string;
  dossierType: string;
  consents: ConsentInput[];
};

export type SignalDecisionInput =
  | { decision: 'register'; registration: RegistrationInput }
  | { decision: 'advice-only'; reason: string }
  | { decision: 'no-indication'; reason: string }
  | { decision: 'merge'; caseId: string; reason?: string };
