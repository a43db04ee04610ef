import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClocks } from '../src/clocks/advance-clocks.ts';
import { sealText } from '../src/cases/person.ts';
import { storeFile } from '../src/files/store-file.ts';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
let h: ReturnType<typeof clockHelpers>;
type Person = { email: string; organisationId: string };
let police: Person;
let registrar: Person;
let body: Person;
let otherBody: Person;
let shelter: Person;
let care: Person;
let analyst: Person;

const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  h = clockHelpers(t);
  police = await t.makeUser({ role: 'first-responder', org: 'Politie', orgType: 'police' });
  registrar = await t.makeUser({ role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' });
  body = await t.makeUser({ role: 'identification-body-member', org: 'Adviescommissie', orgType: 'identification-body' });
  otherBody = await t.makeUser({ role: 'identification-body-member', org: 'Andere commissie', orgType: 'identification-body' });
  shelter = await t.makeUser({ role: 'service-provider', org: 'Opvang', orgType: 'shelter' });
  care = await t.makeUser({ role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' });
  analyst = await t.makeUser({ role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' });
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const sessions = async (iso: string) => {
  const s: Record<string, Session> = {};
  for (const [name, p] of Object.entries({ police, registrar, body, otherBody, shelter, care, analyst })) s[name] = await h.signInAt(p.email, iso);
  return s as Record<'police' | 'registrar' | 'body' | 'otherBody' | 'shelter' | 'care' | 'analyst', Session>;
};

/** A stored, encrypted document attached to a case (what the documents capability writes). */
async function documentOf(caseId: string, type = 'police-report'): Promise<string> {
  const file = await storeFile(t.ctx, { bytes: Buffer.from('%PDF-1.4 report'), mimeType: 'application/pdf', purpose: 'case-document' });
  const id = crypto.randomUUID();
  await database.db
    .insertInto('case_documents')
    .values({
      id, case_id: caseId, file_id: file.id, document_type: type, file_name_enc: sealText(t.ctx.keyring, 'case_documents', 'file_name_enc', id, 'report.pdf')!,
      mime_type: 'application/pdf', size_bytes: 15, sha256: 'x'.repeat(64), visibility: 'involved', uploaded_by_user_id: null, uploaded_by_organisation_id: null,
      uploaded_at: t.clock.now(), removed_at: null, removed_by_user_id: null,
    })
    .execute();
  return id;
}

const clocksOf = async (caseId: string, code: string) => (await h.clocksOf({ caseId })).filter((c) => c.code === code);
const STAGE = 'multidisciplinary-assessment';

describe('identification on the Dutch profile', () => {
  it('request, negative advice with reasons and documents, reconsideration with its own clock, positive outcome after reconsideration', async () => {
    const s = await sessions('2026-04-06T08:00:00Z');
    const caseId = await api.registeredCase(s.police, s.registrar);
    const otherCase = await api.registeredCase(s.police, s.registrar);
    const docId = await documentOf(caseId);
    const foreignDoc = await documentOf(otherCase);

    // Before any request the body cannot see the case.
    expect((await api.call(s.body, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);

    expect((await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: 'conclusive-grounds' })).json().error.problems[0].field).toBe('body.stage');
    // Two organisations of the body's type: the requester must choose.
    const ambiguous = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.problems[0]).toMatchObject({ field: 'body.organisationId', problem: expect.stringContaining('choose one') });
    expect((await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: shelter.organisationId })).statusCode).toBe(400);

    const requested = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: body.organisationId });
    expect(requested.statusCode).toBe(201);
    const procedure = requested.json();
    expect(procedure).toMatchObject({ stage: STAGE, status: 'open', awaiting: 'decision', bodyOrganisationName: 'Adviescommissie', decisionBody: 'advisory-committee' });
    expect(procedure.clock).toMatchObject({ code: 'identification-advice-target', state: 'running' });
    expect((await clocksOf(caseId, 'identification-advice-target')).map((c) => c.state)).toEqual(['running']);
    const again = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: body.organisationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already open');

    // While the procedure is open the body's organisation sees the case: minimal but sufficient.
    const seen = await api.call(s.body, 'GET', `/api/cases/${caseId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().visibleFields.sort()).toEqual(['exploitation', 'identity', 'person', 'source']);
    expect(seen.json().investigation).toBeUndefined();
    expect(seen.json().identity.name).toBe('Maria Popescu');
    // It is on the body's case list (its work queue), with the name; not on the other body's.
    const queue = await api.call(s.body, 'GET', '/api/cases');
    expect(queue.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const byName = await api.call(s.body, 'GET', '/api/cases?q=Popescu');
    expect(byName.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await api.call(s.otherBody, 'GET', '/api/cases')).json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    // Another identification body does not.
    expect((await api.call(s.otherBody, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api.call(s.otherBody, 'GET', `/api/cases/${caseId}/identification`)).statusCode).toBe(404);
    // (All on one day: sessions end after 30 idle minutes of the fake clock.)
    const decision = { outcome: 'no-indications', decidedOn: '2026-04-06', reasons: 'Account inconsistent; no control by others found.', documentIds: [docId] };
    expect((await api.call(s.otherBody, 'POST', `/api/identification/procedures/${procedure.id}/decision`, decision)).statusCode).toBe(404);

    // Bad decisions are refused with every problem at its field, and change nothing.
    const bad = await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, {
      outcome: 'positive', decidedOn: '2026-04-08', reasons: 'x', documentIds: [foreignDoc, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['body.decidedOn', 'body.documentIds.0', 'body.documentIds.1', 'body.outcome']);
    expect((await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, { ...decision, decidedOn: '2026-04-01' })).json().error.problems[0].field).toBe('body.decidedOn');
    expect((await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, { ...decision, decisionBody: 'police' })).statusCode).toBe(400);
    expect(await database.db.selectFrom('identification_decisions').select('id').where('case_id', '=', caseId).execute()).toEqual([]);

    const decided = await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, decision);
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', awaiting: null });
    expect(decided.json().decisions[0]).toMatchObject({ kind: 'decision', outcome: 'no-indications', decidedOn: '2026-04-06', reasons: decision.reasons, documents: [{ id: docId, documentType: 'police-report' }] });
    expect(decided.json().reviews[0]).toMatchObject({ code: 'reconsideration', available: true });
    const stored = await database.db.selectFrom('identification_decisions').select('reasons_enc').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(stored.reasons_enc).toMatch(/^ev1\./);
    expect(stored.reasons_enc).not.toContain('inconsistent');
    expect((await clocksOf(caseId, 'identification-advice-target')).map((c) => c.state)).toEqual(['stopped']);
    expect((await clocksOf(caseId, 'reconsideration-window')).map((c) => c.state)).toEqual(['running']);
    expect((await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, decision)).statusCode).toBe(404); // access ended with the decision
    expect((await api.call(s.registrar, 'POST', `/api/identification/procedures/${procedure.id}/decision`, decision)).statusCode).toBe(409);
    expect((await api.call(s.body, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);

    const listed = (await api.call(s.registrar, 'GET', `/api/cases/${caseId}/identification`)).json();
    expect(listed.status).toEqual([expect.objectContaining({ stage: STAGE, outcome: 'no-indications', afterReview: null, binding: false })]);
    expect(listed.documents.map((d: { id: string }) => d.id)).toEqual([docId]);
    expect(listed.stages[0]).toMatchObject({ code: STAGE, requestable: true });

    // The reconsideration opens its own clock; the window stops; the body sees the case again.
    const review = await api.call(s.registrar, 'POST', `/api/identification/procedures/${procedure.id}/reviews`, { review: 'reconsideration' });
    expect(review.statusCode).toBe(201);
    expect(review.json()).toMatchObject({ status: 'open', awaiting: 'review-decision', clock: { code: 'reconsideration-decision', state: 'running' } });
    expect((await clocksOf(caseId, 'reconsideration-window')).map((c) => c.state)).toEqual(['stopped']);
    expect((await clocksOf(caseId, 'reconsideration-decision')).map((c) => c.state)).toEqual(['running']);
    expect((await api.call(s.registrar, 'POST', `/api/identification/procedures/${procedure.id}/reviews`, {})).statusCode).toBe(409);
    expect((await api.call(s.body, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);

    const reviewId = review.json().decisions.find((d: { kind: string }) => d.kind === 'review').id as string;
    expect((await api.call(s.body, 'POST', `/api/identification/procedures/${procedure.id}/decision`, decision)).statusCode).toBe(409);
    const reviewed = await api.call(s.body, 'POST', `/api/identification/reviews/${reviewId}/decision`, { outcome: 'indications-confirmed', decidedOn: '2026-04-06', reasons: 'New statement from the shelter.' });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().decisions[1]).toMatchObject({ kind: 'review', status: 'decided', outcome: 'indications-confirmed', review: { code: 'reconsideration' } });
    expect((await clocksOf(caseId, 'reconsideration-decision')).map((c) => c.state)).toEqual(['stopped']);
    expect((await api.call(s.body, 'POST', `/api/identification/reviews/${reviewId}/decision`, { outcome: 'no-indications', decidedOn: '2026-04-06', reasons: 'again' })).statusCode).toBe(404);
    expect((await api.call(s.registrar, 'POST', `/api/identification/reviews/${reviewId}/decision`, { outcome: 'no-indications', decidedOn: '2026-04-06', reasons: 'again' })).statusCode).toBe(409);
    const events = (await database.db.selectFrom('case_events').select('event').where('case_id', '=', caseId).orderBy('seq').execute()).map((e) => e.event);
    expect(events.filter((e) => e.includes('identification') || e.includes('reconsideration'))).toEqual([
      'identification-requested', 'identification-advice-negative', 'reconsideration-requested', 'reconsideration-decided',
    ]);

    // Victim status: the latest decided outcome, after reconsideration; a residence decision does not change it.
    const record = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/events`, { event: 'residence-decision-recorded' });
    expect(record.statusCode).toBe(201);
    const final = (await api.call(s.registrar, 'GET', `/api/cases/${caseId}/identification`)).json();
    expect(final.status).toEqual([expect.objectContaining({ stage: STAGE, outcome: 'indications-confirmed', afterReview: expect.objectContaining({ code: 'reconsideration' }) })]);
    const audits = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'identification.%').execute();
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['identification.request', 'identification.decide', 'identification.request-review', 'identification.decide-review', 'identification.list']));
  });

  it('refuses a reconsideration once the window clock has expired, and when the outcome opened no window', async () => {
    const s = await sessions('2026-05-04T08:00:00Z');
    const caseId = await api.registeredCase(s.police, s.registrar);
    const p = (await api.call(s.registrar, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: body.organisationId })).json();
    await api.call(s.registrar, 'POST', `/api/identification/procedures/${p.id}/decision`, { outcome: 'no-indications', decidedOn: '2026-05-04', reasons: 'No indications.' });

    t.clock.set(new Date(Date.parse('2026-05-04T08:00:00Z') + 31 * DAY));
    await advanceClocks({ ...t.ctx, clock: t.clock });
    expect((await clocksOf(caseId, 'reconsideration-window')).map((c) => c.state)).toEqual(['expired']);
    const registrarLater = await h.signInAt(registrar.email, t.clock.now().toISOString());
    const late = await api.call(registrarLater, 'POST', `/api/identification/procedures/${p.id}/reviews`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('closed on 2026-06-03');
    expect(await clocksOf(caseId, 'reconsideration-decision')).toEqual([]);

    // A positive advice opens no reconsideration window.
    const c2 = await api.registeredCase(await h.signInAt(police.email, t.clock.now().toISOString()), registrarLater);
    const p2 = (await api.call(registrarLater, 'POST', `/api/cases/${c2}/identification`, { stage: STAGE, organisationId: body.organisationId })).json();
    const today = t.clock.now().toISOString().slice(0, 10);
    const positive = await api.call(registrarLater, 'POST', `/api/identification/procedures/${p2.id}/decision`, { outcome: 'indications-confirmed', decidedOn: today, reasons: 'Clear indications.' });
    expect(positive.json().reviews[0]).toMatchObject({ available: false });
    const refused = await api.call(registrarLater, 'POST', `/api/identification/procedures/${p2.id}/reviews`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('no window');
  });

  it('denies roles without the grant, partners of other cases, and a closed case', async () => {
    const s = await sessions('2026-06-15T08:00:00Z');
    const caseId = await api.registeredCase(s.police, s.registrar, {
      consents: [
        { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
        { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
        { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
      ],
    });
    await api.call(s.registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: shelter.organisationId });
    const careRef = await api.call(s.registrar, 'POST', `/api/cases/${caseId}/referrals`, { type: 'care-coordination', organisationId: care.organisationId });
    expect(careRef.statusCode).toBe(201);

    // First responder, service provider, analyst: no identification grants at all (403 for the role).
    for (const who of [s.police, s.shelter, s.analyst]) {
      expect((await api.call(who, 'GET', `/api/cases/${caseId}/identification`)).statusCode).toBe(403);
      expect((await api.call(who, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: body.organisationId })).statusCode).toBe(403);
    }
    // A care coordinator with a referral may ask for identification, but not decide.
    const byCare = await api.call(s.care, 'POST', `/api/cases/${caseId}/identification`, { stage: STAGE, organisationId: body.organisationId });
    expect(byCare.statusCode).toBe(201);
    const decision = { outcome: 'no-indications', decidedOn: '2026-06-15', reasons: 'r' };
    expect((await api.call(s.care, 'POST', `/api/identification/procedures/${byCare.json().id}/decision`, decision)).statusCode).toBe(403);
    expect((await api.call(s.shelter, 'POST', `/api/identification/procedures/${byCare.json().id}/decision`, decision)).statusCode).toBe(403);
    expect((await api.call(s.otherBody, 'POST', `/api/identification/procedures/${byCare.json().id}/decision`, decision)).statusCode).toBe(404);
    expect((await api.call(s.otherBody, 'POST', `/api/identification/procedures/${crypto.randomUUID()}/decision`, decision)).statusCode).toBe(404);
    // The shelter still sees only its referral's field groups.
    expect((await api.call(s.shelter, 'GET', `/api/cases/${caseId}`)).json().visibleFields.sort()).toEqual(['exploitation', 'identity', 'person']);

    // A closed case refuses every identification write; the body's access ends with it.
    await api.call(s.registrar, 'POST', `/api/cases/${caseId}/close`, { reason: 'Moved abroad.' });
    expect((await api.call(s.body, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const closed = await api.call(s.registrar, 'POST', `/api/identification/procedures/${byCare.json().id}/decision`, decision);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('closed');
    const other = await api.registeredCase(s.police, s.registrar);
    await api.call(s.registrar, 'POST', `/api/cases/${other}/close`, { reason: 'Duplicate.' });
    expect((await api.call(s.registrar, 'POST', `/api/cases/${other}/identification`, { stage: STAGE, organisationId: body.organisationId })).statusCode).toBe(409);
    expect((await api.call(s.registrar, 'GET', `/api/cases/${other}/identification`)).json().stages[0]).toMatchObject({ requestable: false, notRequestableReason: 'The case is closed.' });
  });
});
