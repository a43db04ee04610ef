import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneToken } from '../src/crypto/blind-index.ts';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { encryptField } from '../src/crypto/envelope.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { EMMA, importFixture, LISA, NETWORK, NETWORK_PHONES, SOPHIE } from './outreach-worklist-fixture.ts';

let database: TestDatabase;
let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};

const people = {
  worker: { role: 'outreach-worker', org: 'Outreach A', orgType: 'outreach' },
  colleague: { role: 'outreach-worker', org: 'Outreach A', orgType: 'outreach' },
  other: { role: 'outreach-worker', org: 'Outreach B', orgType: 'outreach' },
  trainee: { role: 'outreach-trainee', org: 'Outreach A', orgType: 'outreach' },
  registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
  analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
} as const;

type Method = 'GET' | 'POST' | 'DELETE';
const call = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });

type Summary = { id: string; score: number; reasons: { code: string; evidence: string }[]; cities: string[]; languages: string[]; minorRisk: boolean; firstSeenAt: string; claimedBy: { id: string; name: string; me: boolean } | null };
const list = async (who: string, qs = '') => {
  const res = await call(who, 'GET', `/api/outreach/clusters${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Summary[]; nextCursor: string | null; facets: { cities: string[]; languages: string[] } };
};
const clusterOf = async (externalId: string) =>
  (await database.db.selectFrom('outreach_ads').select('cluster_id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).cluster_id!;
const lastAudit = async (action: string) =>
  database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
const details = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  // A role that may claim but not assign: only the claimer or an assigner may release a claim.
  await database.db.insertInto('roles').values({ id: 'outreach-trainee', name: 'Outreach trainee', scope: 'organisation', sees_personal_data: true }).execute();
  await database.db.insertInto('role_grants').values(['list', 'read', 'claim'].map((action) => ({ role_id: 'outreach-trainee', resource: 'outreach-cluster', action }))).execute();
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    id[key] = u.id;
    s[key] = await t.signIn(u.email);
  }
  await importFixture(t.ctx);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

describe('the worklist', () => {
  it('ranks clusters by risk, network first, each with its reasons, and only clusters with ads', async () => {
    const { items } = await list('worker');
    const network = await clusterOf('n1');
    for (const ad of NETWORK) expect(await clusterOf(ad.id)).toBe(network);
    expect(items[0]!.id).toBe(network);
    expect(items[0]!.reasons.length).toBeGreaterThan(0);
    expect(items[0]!.minorRisk).toBe(true);
    expect(items.map((c) => c.score)).toEqual(items.map((c) => c.score).sort((a, b) => b - a));
    const withAds = await database.db.selectFrom('outreach_ads').select('cluster_id').distinct().execute();
    expect(new Set(items.map((c) => c.id))).toEqual(new Set(withAds.map((r) => r.cluster_id)));
    // An empty cluster (e.g. after a purge) is not on the list.
    await database.db.insertInto('outreach_clusters').values({ id: 'empty-cluster', score: 0.99, reasons_enc: 'x', size: 0, first_seen_at: t.clock.now(), last_seen_at: t.clock.now(), updated_at: t.clock.now() }).execute();
    expect((await list('worker')).items.map((c) => c.id)).not.toContain('empty-cluster');
  });

  it('masks phone numbers, e-mails and handles in the reasons of the list', async () => {
    const res = await call('worker', 'GET', '/api/outreach/clusters');
    for (const e164 of [...NETWORK_PHONES, '+31611112222', '+31655556666']) expect(res.body).not.toContain(e164.slice(3));
    // Reasons as the engine writes them when an identifier is the evidence (score-clusters.ts).
    const c = await clusterOf(EMMA.id);
    const reasons = [
      { code: 'shared-phone-across-personas', weight: 1.2, evidence: '+31611112222 in 3 ads, 2 personas, 1 city' },
      { code: 'shared-contact-across-personas', weight: 1, evidence: 'emma.x@mail.example in 3 ads, 2 personas, 1 city' },
      { code: 'generic-identifier', weight: 0, evidence: 'telegram:emma_x (handle) in 9 ads with 4 unrelated texts, 3 cities: generic, not used to link' },
    ];
    const saved = await database.db.selectFrom('outreach_clusters').select('reasons_enc').where('id', '=', c).executeTakeFirstOrThrow();
    await database.db.updateTable('outreach_clusters').set({ reasons_enc: encryptField(t.ctx.keyring, JSON.stringify(reasons), columnAad('outreach_clusters', 'reasons_enc', c)) }).where('id', '=', c).execute();
    try {
      const listed = (await list('worker')).items.find((x) => x.id === c)!;
      expect(listed.reasons.map((r) => r.evidence)).toEqual([
        '…22 in 3 ads, 2 personas, 1 city',
        'e•••@••• in 3 ads, 2 personas, 1 city',
        'telegram:e••• (handle) in 9 ads with 4 unrelated texts, 3 cities: generic, not used to link',
      ]);
      const today = await call('worker', 'GET', '/api/outreach/today');
      expect(today.body).toContain('…22 in 3 ads');
      expect(today.body).not.toMatch(/611112222|emma\.x|emma_x/);
    } finally {
      await database.db.updateTable('outreach_clusters').set({ reasons_enc: saved.reasons_enc }).where('id', '=', c).execute();
    }
  });

  it('filters by city, language, minor risk and new-since, and pages with a cursor', async () => {
    const all = (await list('worker')).items;
    const utrecht = (await list('worker', '?city=UTRECHT')).items;
    expect(utrecht.map((c) => c.id)).toEqual(all.filter((c) => c.cities.some((x) => x.toLowerCase() === 'utrecht')).map((c) => c.id));
    expect(utrecht).toHaveLength(1);
    const english = (await list('worker', '?language=en')).items;
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((c) => c.languages.includes('en'))).toBe(true);
    expect(english.map((c) => c.id)).toEqual(all.filter((c) => c.languages.includes('en')).map((c) => c.id));
    const minors = (await list('worker', '?minorRisk=true')).items;
    expect(minors.map((c) => c.id)).toEqual([await clusterOf('n1')]);
    expect((await list('worker', '?minorRisk=false')).items.every((c) => !c.minorRisk)).toBe(true);
    // Sophie's cluster was first seen in February; the rest on 2 March.
    const recent = (await list('worker', '?newSince=2026-03-01')).items.map((c) => c.id);
    expect(recent).not.toContain(await clusterOf(SOPHIE[0]!.id));
    expect(recent).toContain(await clusterOf(EMMA.id));
    expect((await list('worker', '?newSince=2026-01-01')).items.map((c) => c.id)).toContain(await clusterOf(SOPHIE[0]!.id));
    // Paging: two pages of two give the same order as one page.
    const first = await list('worker', '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list('worker', `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(all.slice(0, 4).map((c) => c.id));
    expect(first.facets.cities.map((c) => c.toLowerCase())).toEqual(expect.arrayContaining(['utrecht', 'groningen', 'breda']));
  });

  it('refuses bad filters with a problem per field', async () => {
    const res = await call('worker', 'GET', '/api/outreach/clusters?newSince=yesterday&limit=0&claim=theirs');
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(['querystring.claim', 'querystring.limit', 'querystring.newSince']);
    const cursor = await call('worker', 'GET', '/api/outreach/clusters?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.problems[0].field).toBe('querystring.cursor');
  });

  it('is only for outreach roles, and audits the ids shown, no identifiers', async () => {
    for (const who of ['registrar', 'analyst']) {
      expect((await call(who, 'GET', '/api/outreach/clusters')).statusCode).toBe(403);
      expect((await call(who, 'GET', `/api/outreach/clusters/${await clusterOf('n1')}`)).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/outreach/today')).statusCode).toBe(403);
    }
    const { items } = await list('worker', '?city=Utrecht');
    const entry = await lastAudit('outreach-cluster.list');
    expect(entry.actor_user_id).toBe(id.worker);
    expect(entry.purpose).toBe('outreach');
    expect(details(entry.details).clusterIds).toEqual(items.map((c) => c.id));
    const all = await database.db.selectFrom('audit_log').select('details').where('action', 'like', 'outreach-cluster.%').execute();
    expect(JSON.stringify(all)).not.toMatch(/612345678|687654321|611112222/);
  });
});

describe('claims', () => {
  it('claims, refuses a second claimer, releases and filters by claim', async () => {
    const c = await clusterOf('n1');
    const claim = await call('worker', 'POST', `/api/outreach/clusters/${c}/claim`);
    expect(claim.statusCode, claim.body).toBe(200);
    expect(claim.json().claimedBy).toMatchObject({ id: id.worker, me: true });
    expect((await call('worker', 'POST', `/api/outreach/clusters/${c}/claim`)).statusCode).toBe(200); // again: no change
    const taken = await call('colleague', 'POST', `/api/outreach/clusters/${c}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('Test User');
    expect((await list('worker', '?claim=mine')).items.map((x) => x.id)).toEqual([c]);
    expect((await list('colleague', '?claim=mine')).items).toEqual([]);
    expect((await list('colleague', '?claim=unclaimed')).items.map((x) => x.id)).not.toContain(c);
    const listed = (await list('colleague')).items.find((x) => x.id === c)!;
    expect(listed.claimedBy).toMatchObject({ id: id.worker, me: false });
    // A trainee (claim, no assign) may not release a colleague's claim; an assigner may.
    expect((await call('trainee', 'DELETE', `/api/outreach/clusters/${c}/claim`)).statusCode).toBe(403);
    const released = await call('colleague', 'DELETE', `/api/outreach/clusters/${c}/claim`);
    expect(released.statusCode).toBe(200);
    expect(released.json().claimedBy).toBeNull();
    expect((await lastAudit('outreach-cluster.release')).resource_id).toBe(c);
    // The trainee claims and releases their own.
    expect((await call('trainee', 'POST', `/api/outreach/clusters/${c}/claim`)).statusCode).toBe(200);
    expect((await call('trainee', 'DELETE', `/api/outreach/clusters/${c}/claim`)).json().claimedBy).toBeNull();
    expect((await call('registrar', 'POST', `/api/outreach/clusters/${c}/claim`)).statusCode).toBe(403);
    expect((await call('worker', 'POST', '/api/outreach/clusters/no-such-cluster/claim')).statusCode).toBe(404);
  });

  it('assigns only to active outreach workers of the same organisation', async () => {
    const c = await clusterOf(EMMA.id);
    const workers = await call('worker', 'GET', '/api/outreach/workers');
    expect(workers.statusCode).toBe(200);
    const ids = (workers.json().items as { id: string }[]).map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([id.worker, id.colleague, id.trainee]));
    expect(ids).not.toContain(id.other);
    const ok = await call('worker', 'POST', `/api/outreach/clusters/${c}/assign`, { userId: id.colleague });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().claimedBy).toMatchObject({ id: id.colleague, me: false });
    const entry = await lastAudit('outreach-cluster.assign');
    expect(details(entry.details)).toMatchObject({ userId: id.colleague, previousUserId: null });
    for (const userId of [id.other, id.registrar, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('worker', 'POST', `/api/outreach/clusters/${c}/assign`, { userId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.problems).toEqual([{ field: 'body.userId', problem: 'is not an active outreach worker of your organisation.' }]);
    }
    await database.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', id.trainee!).execute();
    expect((await call('worker', 'POST', `/api/outreach/clusters/${c}/assign`, { userId: id.trainee })).statusCode).toBe(400);
    await database.db.updateTable('users').set({ disabled_at: null }).where('id', '=', id.trainee!).execute();
    const row = await database.db.selectFrom('outreach_clusters').select('claimed_by_user_id').where('id', '=', c).executeTakeFirstOrThrow();
    expect(row.claimed_by_user_id).toBe(id.colleague); // refusals changed nothing
    expect((await call('worker', 'POST', `/api/outreach/clusters/${c}/assign`, { userId: 'nobody' })).statusCode).toBe(400);
    expect((await call('trainee', 'POST', `/api/outreach/clusters/${c}/assign`, { userId: id.trainee })).statusCode).toBe(403);
    await call('colleague', 'DELETE', `/api/outreach/clusters/${c}/claim`);
  });
});

describe('the cluster page', () => {
  it('shows ads, template, graph, timeline and phones as token and hint', async () => {
    const c = await clusterOf('n1');
    const res = await call('worker', 'GET', `/api/outreach/clusters/${c}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.adsTotal).toBe(4);
    const byExternal = new Map<string, { id: string; body: string; indicators: { code: string; field: string | null; start: number | null; end: number | null; evidence: string }[] }>(
      page.ads.map((a: { externalId: string }) => [a.externalId, a]),
    );
    expect([...byExternal.keys()].sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(byExternal.get('n1')!.body).toBe(NETWORK[0]!.body);
    const located = byExternal.get('n1')!.indicators.filter((i) => i.field === 'body');
    expect(located.length).toBeGreaterThan(0);
    for (const i of located) expect(byExternal.get('n1')!.body.slice(i.start!, i.end!).toLowerCase()).toBe(i.evidence.trim().toLowerCase());

    const slots = page.template.segments.filter((x: { kind: string }) => x.kind === 'slot');
    expect(slots.some((x: { variants: string[] }) => ['Anna', 'Bella', 'Cleo', 'Dana'].every((n) => x.variants.includes(n)))).toBe(true);
    expect(page.template.segments.filter((x: { kind: string }) => x.kind === 'fixed').map((x: { text: string }) => x.text).join('')).toContain('jaar, net nieuw in');

    const tokens = NETWORK_PHONES.map((p) => phoneToken(t.ctx.keyring, p));
    expect(page.phones.map((p: { token: string }) => p.token).sort()).toEqual([...tokens].sort());
    expect(page.phones.find((p: { token: string }) => p.token === tokens[0])).toMatchObject({ hint: '…78', ads: 3, optedOut: false, lastContactAt: null });
    expect(JSON.stringify(page.phones)).not.toContain('612345678');
    const edgesTo = (node: string) => page.graph.edges.filter((e: { to: string }) => e.to === node).map((e: { from: string }) => e.from).sort();
    const adNode = (ext: string) => `ad:${byExternal.get(ext)!.id}`;
    expect(edgesTo(`phone:${tokens[0]}`)).toEqual(['n1', 'n2', 'n4'].map(adNode).sort());
    expect(edgesTo(`phone:${tokens[1]}`)).toEqual(['n3', 'n4'].map(adNode).sort());
    const photoNodes = page.graph.nodes.filter((n: { kind: string }) => n.kind === 'photo');
    expect(photoNodes).toHaveLength(1); // four hashes within a few bits: one photo
    expect(edgesTo(photoNodes[0].id)).toHaveLength(4);
    expect(page.graph.nodes.filter((n: { kind: string }) => n.kind === 'ad').map((n: { label: string }) => n.label).sort()).toEqual(['Anna', 'Bella', 'Cleo', 'Dana']);

    expect(page.timeline.map((x: { city: string }) => x.city)).toEqual(['Utrecht', 'Amsterdam', 'Rotterdam', 'Den Haag']);
    const entry = await lastAudit('outreach-cluster.read');
    expect(entry.resource_id).toBe(c);
    expect((details(entry.details).adIds as string[]).sort()).toEqual([...byExternal.values()].map((a) => a.id).sort());
  });

  it('reveals a number only through an audited call, one entry per reveal', async () => {
    const c = await clusterOf('n1');
    const token = phoneToken(t.ctx.keyring, NETWORK_PHONES[0]!);
    const before = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'outreach-contact.reveal').executeTakeFirstOrThrow();
    for (let i = 0; i < 2; i++) {
      const res = await call('worker', 'POST', `/api/outreach/clusters/${c}/phones/${token}/reveal`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ phone: '+31612345678' });
    }
    const entries = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'outreach-contact.reveal').orderBy('seq').execute();
    expect(entries.length - Number(before.n)).toBe(2);
    expect(entries.at(-1)).toMatchObject({ actor_user_id: id.worker, purpose: 'outreach-contact', resource_id: c });
    expect(details(entries.at(-1)!.details)).toEqual({ phoneToken: token });
    expect((await call('registrar', 'POST', `/api/outreach/clusters/${c}/phones/${token}/reveal`)).statusCode).toBe(403);
    const emma = phoneToken(t.ctx.keyring, '+31611112222');
    expect((await call('worker', 'POST', `/api/outreach/clusters/${c}/phones/${emma}/reveal`)).statusCode).toBe(404); // not this cluster's
    expect((await call('worker', 'POST', `/api/outreach/clusters/${c}/phones/not-a-token/reveal`)).statusCode).toBe(400);
  });
});

describe("today's contact list", () => {
  const tokenOf = (e164: string) => phoneToken(t.ctx.keyring, e164);
  const today = async (who: string) => {
    const res = await call(who, 'GET', '/api/outreach/today');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { clusterId: string; score: number; phoneToken: string; phoneHint: string; city: string | null; reasons: { evidence: string }[] }[] };
  };

  it('lists numbers active in the last 48 hours, most urgent cluster first, one entry per number', async () => {
    const { items } = await today('worker');
    const tokens = items.map((i) => i.phoneToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens)).toEqual(new Set([...NETWORK_PHONES, '+31611112222', '+31655556666'].map(tokenOf)));
    expect(tokens).not.toContain(tokenOf('+31633334444')); // Sophie: last seen in February
    expect(items.map((i) => i.score)).toEqual(items.map((i) => i.score).sort((a, b) => b - a));
    expect(items[0]!.clusterId).toBe(await clusterOf('n1'));
    // Within the network: the number advertised most recently first (n4 gives both; n4's first phone is 0687...).
    expect(items.slice(0, 2).map((i) => i.phoneHint).sort()).toEqual(['…21', '…78']);
    expect(JSON.stringify(items)).not.toMatch(/612345678|687654321/);
  });

  it('leaves out opted-out numbers, numbers contacted in the last 14 days and clusters a colleague claimed', async () => {
    const now = t.clock.now();
    await database.db.insertInto('outreach_opt_outs').values({ phone_token: tokenOf('+31655556666'), recorded_at: now, via: 'reply' }).execute();
    const contact = (e164: string, daysAgo: number) => ({
      phone_enc: 'not-read-here', phone_token: tokenOf(e164), phone_hint: `…${e164.slice(-2)}`, channel: 'sms' as const, language: 'nl',
      provider: 'outbox', delivery: 'sent' as const, created_at: new Date(now.getTime() - daysAgo * 86_400_000),
    });
    await database.db.insertInto('outreach_contacts').values([contact('+31611112222', 3), contact('+31687654321', 20)]).execute();
    let tokens = (await today('worker')).items.map((i) => i.phoneToken);
    expect(tokens).not.toContain(tokenOf('+31655556666'));
    expect(tokens).not.toContain(tokenOf('+31611112222'));
    expect(tokens).toContain(tokenOf('+31687654321')); // contacted 20 days ago: may be contacted again
    expect(tokens).toContain(tokenOf('+31612345678'));
    // Claimed by the colleague: off the worker's list, on the colleague's.
    const c = await clusterOf('n1');
    expect((await call('colleague', 'POST', `/api/outreach/clusters/${c}/claim`)).statusCode).toBe(200);
    tokens = (await today('worker')).items.map((i) => i.phoneToken);
    expect(tokens).not.toContain(tokenOf('+31612345678'));
    const mine = await today('colleague');
    expect(mine.items.map((i) => i.phoneToken)).toContain(tokenOf('+31612345678'));
    await call('colleague', 'DELETE', `/api/outreach/clusters/${c}/claim`);
    // The cluster page marks the opted-out number; it can no longer be revealed.
    const lisa = await clusterOf(LISA.id);
    const page = (await call('worker', 'GET', `/api/outreach/clusters/${lisa}`)).json();
    expect(page.phones[0]).toMatchObject({ optedOut: true });
    expect((await call('worker', 'POST', `/api/outreach/clusters/${lisa}/phones/${tokenOf('+31655556666')}/reveal`)).statusCode).toBe(409);
    const emma = (await call('worker', 'GET', `/api/outreach/clusters/${await clusterOf(EMMA.id)}`)).json();
    expect(emma.phones[0].lastContactAt).toBe(new Date(now.getTime() - 3 * 86_400_000).toISOString());
  });

  it('takes a size from 15 to 20 and refuses others', async () => {
    expect((await call('worker', 'GET', '/api/outreach/today?size=15')).statusCode).toBe(200);
    const bad = await call('worker', 'GET', '/api/outreach/today?size=50');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].field).toBe('querystring.size');
  });
});
