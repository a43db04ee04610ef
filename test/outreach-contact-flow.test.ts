import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/load-actor.ts';
import { outreachContactJobHandlers } from '../src/outreach-work/contact/contact-jobs.ts';
import { createContact } from '../src/outreach-work/contact/create-contact.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { sendContactMessage } from '../src/outreach-work/contact/send-contact-message.ts';
import { caller, importTwoAdvertisers } from './outreach-contact-helpers.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let call: ReturnType<typeof caller>;
const s: Record<string, Session> = {};
const userId: Record<string, string> = {};
let data: Awaited<ReturnType<typeof importTwoAdvertisers>>;
const template: Record<string, string> = {};

const BODIES = {
  ro: 'Bună! Am văzut anunțul tău. Vrei să vorbim puțin? Îmi poți scrie aici: {chatLink}',
  th: 'สวัสดีค่ะ เห็นประกาศของคุณแล้ว อยากคุยกันไหมคะ ทักมาได้ที่นี่ {chatLink}',
};

const count = async (table: 'outreach_contacts' | 'outreach_contact_events' | 'jobs') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const contactRow = (id: string) => database.db.selectFrom('outreach_contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const newContact = (who: string, target: { clusterId: string; phone: { token: string } }, extra: Record<string, unknown>) =>
  call(s[who]!, 'POST', '/api/outreach/contacts', { clusterId: target.clusterId, phoneToken: target.phone.token, ...extra });

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  call = caller(t);
  for (const [key, role, org] of [
    ['worker', 'outreach-worker', 'Outreach Team'],
    ['colleague', 'outreach-worker', 'Outreach Team'],
    ['stranger', 'outreach-worker', 'Other Outreach'],
    ['registrar', 'registrar', 'Informatiepunt'],
    ['analyst', 'statistics-analyst', 'Informatiepunt'],
    ['coordinator', 'care-coordinator', 'Zorg'],
  ] as const) {
    const u = await t.makeUser({ role, org });
    userId[key] = u.id;
    s[key] = await t.signIn(u.email);
  }
  data = await importTwoAdvertisers(t, 'flow');
  for (const language of ['ro', 'th'] as const) {
    const created = (await call(s.worker!, 'POST', '/api/outreach/templates', { language, name: `First ${language}`, body: BODIES[language] })).json();
    expect((await call(s.colleague!, 'POST', `/api/outreach/templates/${created.id}/approve`)).statusCode).toBe(200);
    template[language] = created.id;
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('contact', () => {
  it('queues a first message from an approved template in the outbox, encrypted at rest', async () => {
    const jobs = await count('jobs');
    const res = await newContact('worker', data.ro, { channel: 'sms', language: 'ro', templateId: template.ro });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ clusterId: data.ro.clusterId, phoneHint: '…01', channel: 'sms', language: 'ro', delivery: 'queued', provider: 'outbox', awaitingManualSend: true, outcome: null, optedOut: false });
    expect(c.message).toBe(BODIES.ro.replace('{chatLink}', t.config.outreachChatLink));
    expect(c.events.map((e: { event: string }) => e.event)).toEqual(['created']);
    expect(res.body).not.toContain('712345601');
    const row = await contactRow(c.id);
    expect(row.phone_enc.startsWith('ev1.')).toBe(true);
    expect(row.phone_enc).not.toContain('712345601');
    expect(row.message_enc).not.toContain('anunț');
    expect(row.phone_token).toBe(data.ro.phone.token);
    expect(await count('jobs')).toBe(jobs + 1);
    const job = await database.db.selectFrom('jobs').select(['type', 'payload']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(job.type).toBe('outreach.send');
    expect(JSON.stringify(job.payload)).not.toContain('712345601');

    // The outbox provider waits for the worker: the job leaves the message queued.
    await outreachContactJobHandlers['outreach.send']!(t.ctx, { contactId: c.id }, { id: 1, type: 'outreach.send', attempts: 1, maxAttempts: 5 });
    expect((await contactRow(c.id)).delivery).toBe('queued');
    // No outcome before it was sent.
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${c.id}/outcome`, { outcome: 'replied' })).statusCode).toBe(409);
    const sent = await call(s.colleague!, 'POST', `/api/outreach/contacts/${c.id}/sent`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ delivery: 'sent', awaitingManualSend: false });
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${c.id}/sent`)).json().events.filter((e: { event: string }) => e.event === 'sent')).toHaveLength(1);
  });

  it('sends through the development provider once, however often the job runs', async () => {
    // The same operations with the provider configured as 'development'.
    const worker = (await loadActor(database.db, userId.worker!))!;
    const dev = { ...t.ctx, actor: worker, config: { ...t.config, outreachProvider: 'development' as const } };
    const created = await createContact(dev, { clusterId: data.th.clusterId, phoneToken: data.th.phone.token, channel: 'messaging-app', language: 'th', templateId: template.th });
    expect(created).toMatchObject({ provider: 'development', delivery: 'queued' });
    const id = created.id;
    // Through the real job worker: the queued job 'outreach.send' delivers it.
    const worker2 = createWorker({ services: { db: database.db, clock: t.clock, keyring: t.ctx.keyring, config: t.config, logger: t.ctx.logger }, handlers: outreachContactJobHandlers, workerId: 'test-worker', pollMs: 1000 });
    expect(await worker2.runDue()).toBeGreaterThan(0);
    const job = await database.db.selectFrom('jobs').select(['status']).where('unique_key', '=', `outreach.send:${id}`).executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const first = await contactRow(id);
    expect(first.delivery).toBe('sent');
    expect(first.provider_message_id).toMatch(/^dev-/);
    expect(await sendContactMessage(t.ctx, { contactId: id })).toBe('not-queued');
    await outreachContactJobHandlers['outreach.send']!(t.ctx, { contactId: id }, { id: 1, type: 'outreach.send', attempts: 2, maxAttempts: 5 });
    expect((await contactRow(id)).provider_message_id).toBe(first.provider_message_id);
    const sentEvents = await database.db.selectFrom('outreach_contact_events').select('id').where('contact_id', '=', id).where('event', '=', 'sent').execute();
    expect(sentEvents).toHaveLength(1);
    // The outbox confirmation does not apply to it.
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${id}/sent`)).statusCode).toBe(409);
  });

  it('records outcomes with encrypted notes and lists due follow-ups first', async () => {
    const call1 = (await newContact('worker', data.th, { channel: 'call', language: 'th' })).json();
    expect(call1).toMatchObject({ delivery: 'logged', message: null, templateId: null, provider: 'manual' });
    t.clock.advance(60_000);
    const followUpAt = new Date(t.clock.now().getTime() + 5 * 60_000).toISOString();
    const res = await call(s.worker!, 'POST', `/api/outreach/contacts/${call1.id}/outcome`, { outcome: 'conversation', note: 'Spoke Thai, wants to talk again Friday', followUpAt });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'conversation', followUpAt, followUpDue: false });
    expect(res.json().events.at(-1)).toMatchObject({ event: 'outcome', outcome: 'conversation', note: 'Spoke Thai, wants to talk again Friday' });
    const notes = await database.db.selectFrom('outreach_contact_events').select('note_enc').where('contact_id', '=', call1.id).where('note_enc', 'is not', null).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.note_enc).not.toMatch(/Thai|Friday/);

    expect((await call(s.worker!, 'GET', '/api/outreach/contacts?followUpDue=true')).json().items).toHaveLength(0);
    t.clock.advance(10 * 60_000);
    const due = (await call(s.colleague!, 'GET', '/api/outreach/contacts?followUpDue=true')).json().items;
    expect(due.map((c: { id: string }) => c.id)).toEqual([call1.id]);
    const all = (await call(s.colleague!, 'GET', '/api/outreach/contacts')).json().items;
    expect(all[0]).toMatchObject({ id: call1.id, followUpDue: true });
    expect(all.length).toBeGreaterThan(1);
    expect((await call(s.worker!, 'GET', '/api/outreach/contacts?outcome=conversation')).json().items.map((c: { id: string }) => c.id)).toEqual([call1.id]);
    expect((await call(s.worker!, 'GET', `/api/outreach/contacts?clusterId=${data.ro.clusterId}`)).json().items.every((c: { clusterId: string }) => c.clusterId === data.ro.clusterId)).toBe(true);

    // Bad input changes nothing.
    const events = await count('outreach_contact_events');
    for (const [body, field] of [
      [{ outcome: 'maybe' }, 'body.outcome'],
      [{ outcome: 'replied', followUpAt: 'tomorrow' }, 'body.followUpAt'],
      [{ outcome: 'replied', followUpAt: '2020-01-01T00:00:00Z' }, 'body.followUpAt'],
      [{ outcome: 'replied', note: 'x'.repeat(2001) }, 'body.note'],
    ] as const) {
      const bad = await call(s.worker!, 'POST', `/api/outreach/contacts/${call1.id}/outcome`, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0].field).toBe(field);
    }
    expect(await count('outreach_contact_events')).toBe(events);
    // A new outcome without a reminder clears it.
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${call1.id}/outcome`, { outcome: 'wants-help' })).json().followUpAt).toBeNull();
  });

  it('reveals the number only on request, audited', async () => {
    const id = (await call(s.worker!, 'GET', '/api/outreach/contacts')).json().items[0].id as string;
    const res = await call(s.colleague!, 'POST', `/api/outreach/contacts/${id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toMatch(/^\+\d+$/);
    const entry = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'outreach-contact.reveal').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.resource_id).toBe(id);
    expect(JSON.stringify(entry.details)).not.toContain(res.json().phone);
    const reads = await database.db.selectFrom('audit_log').select('action').where('action', 'in', ['outreach-contact.list', 'outreach-contact.read']).execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses bad contact input with a clear problem', async () => {
    const before = await count('outreach_contacts');
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ channel: 'call', language: 'ro', templateId: template.ro }, 400, 'body.templateId'],
      [{ channel: 'sms', language: 'ro' }, 400, 'body.templateId'],
      [{ channel: 'sms', language: 'th', templateId: template.ro }, 400, 'body.templateId'],
      [{ channel: 'sms', language: 'xx', templateId: template.ro }, 400, 'body.language'],
      [{ channel: 'fax', language: 'ro', templateId: template.ro }, 400, 'body.channel'],
    ];
    for (const [extra, status, field] of cases) {
      const res = await newContact('worker', data.ro, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      if (field) expect(res.json().error.problems[0].field).toBe(field);
    }
    // A number of another cluster, and an unknown cluster: not found.
    expect((await call(s.worker!, 'POST', '/api/outreach/contacts', { clusterId: data.ro.clusterId, phoneToken: data.th.phone.token, channel: 'call', language: 'ro' })).statusCode).toBe(404);
    expect((await call(s.worker!, 'POST', '/api/outreach/contacts', { clusterId: 'no-such-cluster', phoneToken: data.th.phone.token, channel: 'call', language: 'ro' })).statusCode).toBe(404);
    // A draft template cannot be sent.
    const draft = (await call(s.worker!, 'POST', '/api/outreach/templates', { language: 'ro', name: 'Draft', body: BODIES.ro })).json();
    const refused = await newContact('worker', data.ro, { channel: 'sms', language: 'ro', templateId: draft.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/not approved/);
    expect(await count('outreach_contacts')).toBe(before);
  });

  it('honours an opt-out for good: queued messages cancelled, every later contact refused, even from another cluster or after a purge', async () => {
    const queued = (await newContact('worker', data.ro, { channel: 'sms', language: 'ro', templateId: template.ro })).json();
    const logged = (await newContact('worker', data.ro, { channel: 'call', language: 'ro' })).json();
    const res = await call(s.colleague!, 'POST', `/api/outreach/contacts/${logged.id}/opt-out`, { via: 'call' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ optedOut: true, alreadyRecorded: false, via: 'call', cancelled: 1 });
    expect(await contactRow(queued.id)).toMatchObject({ delivery: 'failed', delivery_error: 'opted out' });
    expect(await sendContactMessage(t.ctx, { contactId: queued.id })).toBe('not-queued');
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${queued.id}/sent`)).statusCode).toBe(409);
    expect((await call(s.worker!, 'GET', `/api/outreach/contacts/${logged.id}`)).json().optedOut).toBe(true);
    // Idempotent.
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${logged.id}/opt-out`, { via: 'reply' })).json()).toMatchObject({ alreadyRecorded: true, via: 'call', cancelled: 0 });
    const optOuts = await database.db.selectFrom('outreach_opt_outs').selectAll().execute();
    expect(optOuts).toHaveLength(1);
    expect(JSON.stringify(optOuts)).not.toContain('712345601');

    const before = { contacts: await count('outreach_contacts'), events: await count('outreach_contact_events'), jobs: await count('jobs') };
    const refused = await newContact('worker', data.ro, { channel: 'sms', language: 'ro', templateId: template.ro });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('OPTED_OUT');
    expect((await newContact('colleague', data.ro, { channel: 'call', language: 'ro' })).json().error.code).toBe('OPTED_OUT');

    // The same number in another cluster (an ad moved to a cluster of its own).
    const adRow = await database.db.selectFrom('outreach_ads').select(['id']).where('external_id', '=', 'flow-ro-2').executeTakeFirstOrThrow();
    const now = t.clock.now();
    await database.db.insertInto('outreach_clusters').values({ id: 'other-cluster', score: 1, reasons_enc: 'x', size: 1, first_seen_at: now, last_seen_at: now, updated_at: now }).execute();
    await database.db.updateTable('outreach_ads').set({ cluster_id: 'other-cluster' }).where('id', '=', adRow.id).execute();
    expect((await newContact('worker', { clusterId: 'other-cluster', phone: data.ro.phone }, { channel: 'call', language: 'ro' })).json().error.code).toBe('OPTED_OUT');

    // After the ads and clusters are purged, the register still refuses the number.
    await database.db.deleteFrom('outreach_ads').where('cluster_id', 'in', ['other-cluster', data.ro.clusterId]).execute();
    await database.db.deleteFrom('outreach_clusters').where('id', 'in', ['other-cluster', data.ro.clusterId]).execute();
    expect((await newContact('worker', data.ro, { channel: 'call', language: 'ro' })).json().error.code).toBe('OPTED_OUT');

    expect({ contacts: await count('outreach_contacts'), events: await count('outreach_contact_events'), jobs: await count('jobs') }).toEqual(before);
    const denials = await database.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'outreach-contact.create').where('outcome', '=', 'denied').execute();
    expect(denials).toHaveLength(4);
    expect(JSON.stringify(denials)).toContain('opted-out');
  });

  it('keeps contacts to outreach roles and to the team that made them', async () => {
    const id = (await call(s.worker!, 'GET', '/api/outreach/contacts')).json().items[0].id as string;
    for (const who of ['registrar', 'analyst', 'coordinator']) {
      expect((await call(s[who]!, 'GET', '/api/outreach/contacts')).statusCode, who).toBe(403);
      expect((await call(s[who]!, 'POST', '/api/outreach/contacts', { clusterId: data.th.clusterId, phoneToken: data.th.phone.token, channel: 'call', language: 'th' })).statusCode, who).toBe(403);
      expect((await call(s[who]!, 'GET', `/api/outreach/contacts/${id}`)).statusCode, who).toBe(404);
      expect((await call(s[who]!, 'POST', `/api/outreach/contacts/${id}/reveal`)).statusCode, who).toBe(404);
      expect((await call(s[who]!, 'POST', `/api/outreach/contacts/${id}/opt-out`, { via: 'worker' })).statusCode, who).toBe(404);
    }
    // An outreach worker of another organisation does not see this team's contacts.
    expect((await call(s.stranger!, 'GET', `/api/outreach/contacts/${id}`)).statusCode).toBe(404);
    expect((await call(s.stranger!, 'POST', `/api/outreach/contacts/${id}/reveal`)).statusCode).toBe(404);
    expect((await call(s.stranger!, 'GET', '/api/outreach/contacts')).json().items).toEqual([]);
  });
  it('never sends to a number flagged as controlled by a third party (the do-not-contact register, reason third-party)', async () => {
    const logged = (await newContact('worker', data.th, { channel: 'call', language: 'th' })).json();
    const res = await call(s.worker!, 'POST', `/api/outreach/contacts/${logged.id}/opt-out`, { via: 'third-party' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ via: 'third-party' });
    const before = await count('outreach_contacts');
    const refused = await newContact('colleague', data.th, { channel: 'sms', language: 'th', templateId: template.th });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('OPTED_OUT');
    expect(await count('outreach_contacts')).toBe(before);
    expect((await call(s.worker!, 'POST', `/api/outreach/contacts/${logged.id}/opt-out`, { via: 'sold' })).statusCode).toBe(400);
  });
});
