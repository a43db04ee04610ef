import crypto from 'node:crypto';
import { solveChallenge } from '../../src/intake/proof-of-work.ts';
import type { Session, TestApp } from './test-app.ts';

/** Small builders for referral-mechanism tests: every call goes through the real HTTP API. */
export function nrm(t: TestApp) {
  const call = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s ? { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) } : {}, payload: payload as never });

  const signalBody = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: crypto.randomUUID(),
    person: { name: 'Maria Popescu', dateOfBirth: '1999-04-12', sex: 'female', citizenships: ['RO'], languages: ['ro'] },
    indicators: ['recruitment-debt'],
    forms: ['sexual-exploitation'],
    region: 'rotterdam',
    acuteDanger: false,
    minorInvolved: false,
    description: 'Works in a private house, passport kept by the landlord.',
    legalBasis: 'statutory-task',
    ...overrides,
  });

  const registration = (overrides: Record<string, unknown> = {}) => ({
    decision: 'register',
    registration: {
      person: { name: 'Maria Popescu', dateOfBirth: '1999-04-12', sex: 'female', citizenships: ['RO'], languages: ['ro'], safeContactChannel: 'via-organisation' },
      forms: ['sexual-exploitation'],
      exploitationLocation: 'in-country',
      investigation: { policeReportFiled: true, suspectsCount: 2, notes: 'Suspect known to the vice squad.' },
      region: 'rotterdam',
      dossierType: 'registration-only',
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      ],
      ...overrides,
    },
  });

  async function publicAnswer() {
    const res = await call(null, 'GET', '/api/public/challenge');
    const { challenge, difficulty } = res.json() as { challenge: string; difficulty: number };
    return { challenge, nonce: solveChallenge(challenge, difficulty), website: '' };
  }

  /** Submits a signal as `responder` and registers it as `registrar`; returns the case id. */
  async function registeredCase(responder: Session, registrar: Session, reg: Record<string, unknown> = {}, signal: Record<string, unknown> = {}) {
    const submitted = await call(responder, 'POST', '/api/signals', signalBody(signal));
    if (submitted.statusCode !== 201) throw new Error(submitted.body);
    const decided = await call(registrar, 'POST', `/api/signals/${submitted.json().id}/decision`, registration(reg));
    if (decided.statusCode !== 200) throw new Error(decided.body);
    return decided.json().decision.caseId as string;
  }

  return { call, signalBody, registration, publicAnswer, registeredCase };
}
