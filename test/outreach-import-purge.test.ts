import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneToken } from '../src/crypto/blind-index.ts';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { encryptField } from '../src/crypto/envelope.ts';
import type { AdRecord } from '../src/outreach/types.ts';
import { importAdBatch } from '../src/outreach-work/import/import-ads.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
const s: Record<string, Session> = {};
const DAY = 24 * 60 * 60 * 1000;
const emails: Record<string, string> = {};
/** Sessions end when the clock moves on by months: sign in again after moving it. */
async function signInAll() {
  for (const [key, email] of Object.entries(emails)) s[key] = await t.signIn(email);
}

const texts = [
  'Nieuw in Utrecht! Lieve blonde dame ontvangt je graag in een discreet appartement vlakbij het station.',
  'Sportieve jongen uit Brazilië, alleen vandaag in Rotterdam, escort en massage op afspraak.',
  'Rijpe vrouw met ervaring, rustig en gezellig, hotelbezoek in Den Haag en omgeving mogelijk.',
  'Exotische schoonheid uit Thailand, ontspannende massage, kom snel langs in Groningen centrum.',
  'Studente die bijverdient in Nijmegen, alleen doordeweeks, eerst even bellen alsjeblieft.',
];
const ad = (id: string, phone: string, text: number, extra: Partial<AdRecord> = {}): AdRecord => ({ id, source: 'purge-test.nl', title: `Advertentie ${id}`, body: `${texts[text]} Bel ${phone}`, phones: [phone], country: 'NL', ...extra });
const clusterOf = async (id: string) => (await database.db.selectFrom('outreach_ads').select('cluster_id').where('external_id', '=', id).executeTakeFirst())?.cluster_id;
const exists = async (table: 'outreach_clusters', id: string) => Boolean(await database.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
const call = (who: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/outreach/purge', headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf }, payload: payload as object });

async function addContact(clusterId: string | null, e164: string) {
  const id = crypto.randomUUID();
  await database.db
    .insertInto('outreach_contacts')
    .values({
      id,
      cluster_id: clusterId,
      phone_enc: encryptField(t.ctx.keyring, e164, columnAad('outreach_contacts', 'phone_enc', id)),
      phone_token: phoneToken(t.ctx.keyring, e164),
      phone_hint: `…${e164.slice(-2)}`,
      channel: 'sms',
      language: 'nl',
      template_id: null,
      message_enc: null,
      provider: 'outbox',
      provider_message_id: null,
      delivery: 'queued',
      delivery_error: null,
      outcome: null,
      outcome_at: null,
      follow_up_at: null,
      signal_id: null,
      created_by_user_id: null,
      created_at: t.clock.now(),
      sent_at: null,
    })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  for (const [key, role] of Object.entries({ worker: 'outreach-worker', admin: 'administrator', registrar: 'registrar' })) {
    emails[key] = (await t.makeUser({ role })).email;
  }
  // Old ads: A (two ads, one edited later the same day), B (contacted through its cluster), C (its number contacted elsewhere).
  await importAdBatch(t.ctx, [ad('a1', '0612340001', 0), ad('a2', '0612340001', 0, { city: 'Utrecht' }), ad('b1', '0612340002', 1), ad('c1', '0612340003', 2)], { importId: null });
  await importAdBatch(t.ctx, [ad('a1', '0612340001', 0, { title: 'Advertentie a1, nu ook weekend' })], { importId: null });
  t.clock.advance(100 * DAY);
  // A recent ad: D.
  await importAdBatch(t.ctx, [ad('d1', '0612340004', 3)], { importId: null });
  await addContact((await clusterOf('b1'))!, '+31612340002');
  await addContact(null, '+31612340003');
  await signInAll();
  await database.db.insertInto('outreach_opt_outs').values({ phone_token: phoneToken(t.ctx.keyring, '+31612340001'), recorded_at: new Date(0), recorded_by_user_id: null, via: 'reply' }).execute();
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('retention purge of ads of people never contacted', () => {
  it('is refused to roles without outreach-ad:purge and to bad input', async () => {
    expect((await call('worker', { dryRun: true })).statusCode).toBe(403);
    expect((await call('registrar', { dryRun: true })).statusCode).toBe(403);
    const bad = await call('admin', { dryRun: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].field).toBe('body.dryRun');
  });

  it('deletes exactly what the dry run counted, keeps contacted clusters, recent ads and opt-outs', async () => {
    const a = (await clusterOf('a1'))!;
    const [b, c, d] = [(await clusterOf('b1'))!, (await clusterOf('c1'))!, (await clusterOf('d1'))!];
    expect(await clusterOf('a2')).toBe(a);
    expect(new Set([a, b, c, d]).size).toBe(4);

    const dry = await call('admin', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, retentionDays: 90, clusters: 1, ads: 2, versions: 1 });
    expect(await exists('outreach_clusters', a)).toBe(true);

    const real = await call('admin', { dryRun: false });
    expect(real.statusCode).toBe(200);
    const { dryRun: _d, ...realCounts } = real.json();
    const { dryRun: _e, ...dryCounts } = dry.json();
    expect(realCounts).toEqual(dryCounts);

    expect(await exists('outreach_clusters', a)).toBe(false);
    expect(await clusterOf('a1')).toBeUndefined();
    for (const kept of [b, c, d]) expect(await exists('outreach_clusters', kept)).toBe(true);
    expect(await clusterOf('b1')).toBe(b);
    expect(await clusterOf('c1')).toBe(c);
    expect(await database.db.selectFrom('outreach_ad_versions').selectAll().execute()).toEqual([]);
    expect((await database.db.selectFrom('outreach_opt_outs').selectAll().execute()).length).toBe(1);

    // Nothing more is due.
    expect((await call('admin', { dryRun: false })).json()).toMatchObject({ clusters: 0, ads: 0, versions: 0 });

    const audit = await database.db.selectFrom('audit_log').select(['action', 'details', 'resource_id', 'actor_label']).where('action', 'like', 'outreach-ad.purge%').orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['outreach-ad.purge-dry-run', 'outreach-ad.purge', 'outreach-ad.purge']);
    for (const e of audit) {
      expect(e.resource_id).toBeNull();
      expect(Object.keys(e.details as object).sort()).toEqual(['ads', 'clusters', 'cutoff', 'retentionDays', 'versions']);
    }
  });

  it('purges an old ad without a cluster too, but not one whose number was contacted', async () => {
    await importAdBatch(t.ctx, [ad('e1', '0612340005', 4), ad('f1', '0612340003', 4, { title: 'Ander nummer, al eerder gesproken' })], { importId: null });
    await database.db.updateTable('outreach_ads').set({ cluster_id: null }).where('external_id', 'in', ['e1', 'f1']).execute();
    t.clock.advance(91 * DAY);
    await signInAll();
    const dry = (await call('admin', { dryRun: true })).json();
    const real = (await call('admin', { dryRun: false })).json();
    expect(real.ads).toBe(dry.ads);
    const left = await database.db.selectFrom('outreach_ads').select('external_id').where('external_id', 'in', ['e1', 'f1']).execute();
    expect(left.map((r) => r.external_id)).toEqual(['f1']);
  });
});
