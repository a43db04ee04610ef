import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCaseEvent } from '../src/clocks/record-case-event.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const org: Record<string, string> = {};
let caseId: string;
let shelterReferral: string;
let legalReferral: string;

type Entry = { id: string; category: string; code: string; at: string; actor: { name: string | null; organisationName: string | null } | null; details: Record<string, unknown>; subject: { type: string; id: string } | null; label: Record<string, string> | null };

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  for (const [key, p] of Object.entries({
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
    legal: { role: 'service-provider', org: 'Rechtshulp', orgType: 'legal-aid' },
    analyst: { role: 'statistics-analyst', org: 'Statistiek', orgType: 'registrar' },
    outsider: { role: 'service-provider', org: 'Andere opvang', orgType: 'shelter' },
  })) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  });
  const step = () => t.clock.advance(60_000);
  step();
  const consent = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: '2026-03-02' });
  expect(consent.statusCode, consent.body).toBe(201);
  step();
  shelterReferral = (await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter })).json().id;
  step();
  await api.call(s.shelter!, 'POST', `/api/referrals/${shelterReferral}/accept`, {});
  step();
  const legal = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'legal-aid', organisationId: org.legal });
  expect(legal.statusCode, legal.body).toBe(201);
  legalReferral = legal.json().id;
  step();
  const system = { ...t.ctx, clock: t.clock };
  await recordCaseEvent(system, { caseId, event: 'identification-requested' });
  await recordCaseEvent(system, { caseId, event: 'police-report-filed' });
  step();
  await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/notes`, { visibility: 'organisation', body: 'TEXT-ORG' });
  await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/notes`, { visibility: 'involved', body: 'TEXT-INVOLVED' });
  step();
  await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/documents?type=correspondence&visibility=involved&fileName=Brief%20Maria.txt`,
    headers: { cookie: s.registrar!.cookie, 'x-csrf-token': s.registrar!.csrf, 'content-type': 'text/plain' },
    payload: 'Letter',
  });
  const changed = await api.call(s.registrar!, 'PATCH', `/api/cases/${caseId}/dossier-type`, { dossierType: 'registration-shelter', reason: 'Needs a place' });
  expect(changed.statusCode, changed.body).toBe(200);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

async function timeline(who: string, query = ''): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await api.call(s[who]!, 'GET', `/api/cases/${caseId}/timeline${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('case timeline', () => {
  it('shows the registrar everything, newest first, with profile labels and no note text', async () => {
    const { items } = await timeline('registrar');
    const codes = items.map((e) => e.code);
    for (const code of ['signal-received', 'registered', 'consent-recorded', 'referral-requested', 'referral-accepted', 'identification-requested', 'police-report-filed', 'note-added', 'document-added', 'started']) {
      expect(codes, code).toContain(code);
    }
    expect(codes.filter((c) => c === 'note-added')).toHaveLength(2);
    expect(items.find((e) => e.code === 'dossier-type-changed')!.details).toEqual({ from: 'registration-only', to: 'registration-shelter' });
    const times = items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(items.find((e) => e.code === 'registered')!.label).toEqual({ nl: 'Geregistreerd als vermoedelijk slachtoffer', en: expect.any(String) });
    expect(items.find((e) => e.code === 'registered')!.actor).toEqual({ name: expect.any(String), organisationName: 'Informatiepunt' });
    const raw = JSON.stringify(items);
    expect(raw).not.toContain('TEXT-');
    expect(raw).not.toContain('Brief Maria');
  });

  it('filters for a shelter: own referral, involved notes and documents only; no consents, identification or investigation', async () => {
    const { items } = await timeline('shelter');
    const codes = items.map((e) => e.code);
    expect(codes).toContain('signal-received');
    expect(codes).toContain('registered');
    expect(codes).not.toContain('consent-recorded');
    expect(codes).not.toContain('identification-requested');
    expect(codes).not.toContain('police-report-filed');
    const referralIds = items.filter((e) => e.category === 'referral').map((e) => e.subject?.id);
    expect(referralIds.length).toBeGreaterThan(0);
    expect(new Set(referralIds)).toEqual(new Set([shelterReferral]));
    expect(referralIds).not.toContain(legalReferral);
    expect(items.filter((e) => e.code === 'note-added').map((e) => e.details.visibility)).toEqual(['involved']);
    expect(items.filter((e) => e.code === 'document-added')).toHaveLength(1);
    // Clock history of the legal-aid referral's response clock is not the shelter's business.
    const clockSubjects = items.filter((e) => e.category === 'clock').map((e) => e.subject?.id ?? null);
    expect(clockSubjects).not.toContain(legalReferral);
    // The registrar's name is not shown to another organisation; the organisation is.
    expect(items.find((e) => e.code === 'registered')!.actor).toEqual({ name: null, organisationName: 'Informatiepunt' });
  });

  it('gives a statistics analyst events without names, notes or free text', async () => {
    const { items } = await timeline('analyst');
    expect(items.some((e) => e.code === 'registered')).toBe(true);
    expect(items.some((e) => e.category === 'note' || e.category === 'document')).toBe(false);
    expect(items.some((e) => e.code === 'police-report-filed')).toBe(false);
    expect(items.every((e) => e.actor === null || e.actor.name === null)).toBe(true);
  });

  it('pages with a cursor in both orders and audits each read', async () => {
    const all = (await timeline('registrar', '?order=asc&limit=500')).items.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await timeline('registrar', `?order=asc&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect((await timeline('registrar', '?order=desc&limit=500')).items.map((e) => e.id)).toEqual([...all].reverse());
    expect((await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/timeline?cursor=bm9wZQ`)).statusCode).toBe(400);
    const audits = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'case.timeline').where('resource_id', '=', caseId).execute();
    expect(audits.length).toBeGreaterThan(3);
  });

  it('answers 404 to an organisation without a referral and 401 without a session', async () => {
    expect((await api.call(s.outsider!, 'GET', `/api/cases/${caseId}/timeline`)).statusCode).toBe(404);
    expect((await api.call(null, 'GET', `/api/cases/${caseId}/timeline`)).statusCode).toBe(401);
  });
});
