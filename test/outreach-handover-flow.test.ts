import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/load-actor.ts';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { encryptField } from '../src/crypto/envelope.ts';
import { readSignal } from '../src/intake/read-signal.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { asActor } from './helpers/test-context.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const user: Record<string, { id: string; organisationId: string }> = {};

const people = {
  worker: { role: 'outreach-worker', org: 'Online Outreach', orgType: 'outreach' },
  colleague: { role: 'outreach-worker', org: 'Online Outreach', orgType: 'outreach' },
  otherTeam: { role: 'outreach-worker', org: 'Other Outreach', orgType: 'outreach' },
  police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
  registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
  analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
} as const;

/** A contact as the contact module stores it (number encrypted, keyed token), made by `by`. */
async function makeContact(by: string, outcome: string | null, language = 'ro') {
  const id = crypto.randomUUID();
  const phone = `+3161234${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  await database.db
    .insertInto('outreach_contacts')
    .values({
      id,
      cluster_id: null,
      phone_enc: encryptField(t.ctx.keyring, phone, columnAad('outreach_contacts', 'phone_enc', id)),
      phone_token: `token-${id}`,
      phone_hint: `…${phone.slice(-2)}`,
      channel: 'sms',
      language,
      provider: 'outbox',
      delivery: 'sent',
      outcome: outcome as never,
      outcome_at: outcome ? t.clock.now() : null,
      created_by_user_id: user[by]!.id,
      created_at: t.clock.now(),
    })
    .execute();
  return id;
}

const handoverBody = (overrides: Record<string, unknown> = {}) => ({
  consentConfirmed: true,
  person: { name: 'Maria Popescu', dateOfBirth: '1999-04-12', estimatedAge: 26, sex: 'female', citizenships: ['RO'], languages: ['ro'], safeContactChannel: 'messaging-app', safetyNotes: 'Only message between 10 and 12.' },
  description: 'Answered our message; says her passport is kept by the man who runs the ads.',
  acuteDanger: false,
  minorInvolved: false,
  indicators: ['recruitment-debt'],
  forms: ['sexual-exploitation'],
  region: 'rotterdam',
  ...overrides,
});

const handover = (who: string, contactId: string, body: unknown = handoverBody()) => api.call(s[who]!, 'POST', `/api/outreach/contacts/${contactId}/handover`, body);
const signalCount = async () => Number((await database.db.selectFrom('signals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    user[key] = u;
    s[key] = await t.signIn(u.email);
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('handover of an outreach contact', () => {
  it('creates a signal like a professional one, linked both ways, and the registrar triages it', async () => {
    // A professional signal about the same person exists already: the handover must be linked to it.
    const earlier = await api.call(s.police!, 'POST', '/api/signals', api.signalBody());
    expect(earlier.statusCode, earlier.body).toBe(201);
    const contactId = await makeContact('worker', 'conversation');

    const res = await handover('worker', contactId);
    expect(res.statusCode, res.body).toBe(201);
    const { signalId, signalNumber } = res.json();
    expect(signalNumber).toMatch(/^SIG-2026-[0-9A-Z]{6}$/);

    const row = await database.db.selectFrom('signals').selectAll().where('id', '=', signalId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'outreach', legal_basis: 'consent', outreach_contact_id: contactId, status: 'open', number: signalNumber, language: 'ro',
      submitted_by_user_id: user.worker!.id, source_organisation_id: user.worker!.organisationId, estimated_age: 26, presumed_minor: false,
      indicators: ['recruitment-debt'], forms: ['sexual-exploitation'], region: 'rotterdam', acute_danger: false, minor_involved: false,
    });
    // Encrypted at rest, with blind indexes for search and duplicates.
    expect(row.person_enc).not.toContain('Popescu');
    expect(row.description_enc).not.toContain('passport');
    expect(row.name_tokens.length).toBeGreaterThan(0);
    expect(row.name_pairs.length).toBeGreaterThan(0);
    expect(row.dob_token).not.toBeNull();
    const links = await database.db.selectFrom('signal_duplicates').select(['signal_id', 'target_id']).where((eb) => eb.or([eb('signal_id', '=', signalId), eb('target_id', '=', signalId)])).execute();
    expect(links).toEqual(expect.arrayContaining([{ signal_id: signalId, target_id: earlier.json().id }, { signal_id: earlier.json().id, target_id: signalId }]));
    // The profile event and its clock (triage deadline), as for any signal.
    const events = await database.db.selectFrom('case_events').select('event').where('signal_id', '=', signalId).execute();
    expect(events.map((e) => e.event)).toEqual(['signal-received']);
    const clocks = await database.db.selectFrom('clocks').select('state').where('signal_id', '=', signalId).execute();
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.every((c) => c.state === 'running')).toBe(true);

    // The contact: outcome "wants help", the signal, a "handed-over" event.
    const contact = await database.db.selectFrom('outreach_contacts').select(['outcome', 'signal_id']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ outcome: 'wants-help', signal_id: signalId });
    const contactEvents = await database.db.selectFrom('outreach_contact_events').select(['event', 'outcome', 'actor_user_id']).where('contact_id', '=', contactId).execute();
    expect(contactEvents).toEqual([{ event: 'handed-over', outcome: 'wants-help', actor_user_id: user.worker!.id }]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'resource_id']).where('actor_user_id', '=', user.worker!.id).where('action', 'in', ['signal.submit', 'outreach-contact.handover']).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'signal.submit', resource_id: signalId }, { action: 'outreach-contact.handover', resource_id: contactId }]));

    // The outreach team reads the signal's number and the status a submitter sees; nobody else.
    const read = await api.call(s.colleague!, 'GET', `/api/outreach/contacts/${contactId}/handover`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ contactId, signalId, signalNumber, status: 'open', handedOverByName: expect.stringMatching(/^Test User/) });
    expect((await api.call(s.registrar!, 'GET', `/api/outreach/contacts/${contactId}/handover`)).statusCode).toBe(403);
    expect((await api.call(s.otherTeam!, 'GET', `/api/outreach/contacts/${contactId}/handover`)).statusCode).toBe(404);
    expect((await api.call(s.worker!, 'GET', `/api/outreach/contacts/${await makeContact('worker', 'replied')}/handover`)).statusCode).toBe(404);

    // The registrar's triage queue shows it with its channel; the signal in full, with its duplicate.
    const queue = await api.call(s.registrar!, 'GET', '/api/triage');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === signalId);
    expect(item).toMatchObject({ number: signalNumber, channel: 'outreach', duplicateCount: 1, sourceOrganisationName: 'Online Outreach' });
    const detail = await api.call(s.registrar!, 'GET', `/api/signals/${signalId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ channel: 'outreach', legalBasis: 'consent', person: { name: 'Maria Popescu', safetyNotes: 'Only message between 10 and 12.' } });
    expect(detail.json().possibleDuplicates).toEqual([expect.objectContaining({ kind: 'signal', id: earlier.json().id })]);
    // The link back to the contact (an id only) is part of the signal the registrar reads.
    const registrar = (await loadActor(database.db, user.registrar!.id))!;
    expect((await readSignal(asActor(t.ctx, registrar), { id: signalId })).outreachContactId).toBe(contactId);
  });

  it('hands a contact over once: the second attempt answers 409 with the existing signal', async () => {
    const contactId = await makeContact('worker', 'wants-help', 'en');
    const first = await handover('worker', contactId, handoverBody({ person: { estimatedAge: 30 } }));
    expect(first.statusCode, first.body).toBe(201);
    const before = await signalCount();
    // A colleague in the same team may hand over the team's contacts, but not a second time.
    const second = await handover('colleague', contactId, handoverBody({ person: { estimatedAge: 30 } }));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'CONFLICT' }, signalId: first.json().signalId, signalNumber: first.json().signalNumber });
    expect(await signalCount()).toBe(before);
    const events = await database.db.selectFrom('outreach_contact_events').select('event').where('contact_id', '=', contactId).execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a handover without consent with a field error and stores nothing', async () => {
    const contactId = await makeContact('worker', 'replied');
    const before = await signalCount();
    const refused = await handover('worker', contactId, handoverBody({ consentConfirmed: false }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect(refused.json().error.problems).toEqual([{ field: 'body.consentConfirmed', problem: expect.stringContaining('agreed to be handed over') }]);
    const { consentConfirmed: _omitted, ...withoutConsent } = handoverBody();
    const missing = await handover('worker', contactId, withoutConsent);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['body.consentConfirmed']);
    // Every wrong field at once: unknown profile codes, empty description.
    const wrong = await handover('worker', contactId, handoverBody({ indicators: ['no-such-indicator'], forms: ['no-such-form'], region: 'atlantis', description: '  ' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.problems.map((p: { field: string }) => p.field)).toEqual(['body.description']);
    const codes = await handover('worker', contactId, handoverBody({ indicators: ['no-such-indicator'], forms: ['no-such-form'], region: 'atlantis' }));
    expect(codes.statusCode).toBe(400);
    expect(codes.json().error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['body.forms.0', 'body.indicators.0', 'body.region']);
    expect(await signalCount()).toBe(before);
    const contact = await database.db.selectFrom('outreach_contacts').select(['outcome', 'signal_id']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ outcome: 'replied', signal_id: null });
  });

  it('refuses a contact that has not replied, and anyone outside the outreach team', async () => {
    const before = await signalCount();
    const silent = await makeContact('worker', 'no-answer');
    const notYet = await handover('worker', silent);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.problems).toEqual([{ field: 'outcome', problem: expect.stringContaining('replied') }]);
    expect((await handover('worker', await makeContact('worker', null))).statusCode).toBe(409);

    const contactId = await makeContact('worker', 'wants-help');
    // Roles without the grant: 403 for the role as a whole.
    expect((await handover('registrar', contactId)).statusCode).toBe(403);
    expect((await handover('analyst', contactId)).statusCode).toBe(403);
    expect((await handover('police', contactId)).statusCode).toBe(403);
    // Another team's outreach worker does not learn that the contact exists.
    expect((await handover('otherTeam', contactId)).statusCode).toBe(404);
    expect((await handover('worker', crypto.randomUUID())).statusCode).toBe(404);
    // Without a session or CSRF token.
    expect((await api.call(null, 'POST', `/api/outreach/contacts/${contactId}/handover`, handoverBody())).statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/outreach/contacts/${contactId}/handover`, headers: { cookie: s.worker!.cookie }, payload: handoverBody() });
    expect(noCsrf.statusCode).toBe(403);
    expect(await signalCount()).toBe(before);
    const denied = await database.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'access.denied').where('actor_user_id', '=', user.otherTeam!.id).where('resource_id', 'like', 'POST %').execute();
    expect(denied).toHaveLength(1);
  });
});
