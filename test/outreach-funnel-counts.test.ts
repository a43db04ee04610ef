import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnAad } from '../src/crypto/encrypted-columns.ts';
import { encryptField } from '../src/crypto/envelope.ts';
import { conversions, FUNNEL_TIME_ZONE, maskCounts, mondayOf, weekOf, weekStarts } from '../src/outreach-work/funnel/funnel-stages.ts';
import { weekOf as importWeekOf } from '../src/outreach-work/import/weekly-counts.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const user: Record<string, { id: string; organisationId: string }> = {};
const signalOf: Record<string, string> = {};

const people = {
  worker: { role: 'outreach-worker', org: 'Online Outreach', orgType: 'outreach' },
  analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
  registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
} as const;

/** One contact attempt to person `who` at `at` (ISO instant), with its current outcome and earlier event outcomes. */
async function contact(who: string, at: string, language: string, outcome: string | null, history: string[] = []) {
  const id = crypto.randomUUID();
  await database.db
    .insertInto('outreach_contacts')
    .values({
      id, cluster_id: null, phone_enc: encryptField(t.ctx.keyring, '+31612345678', columnAad('outreach_contacts', 'phone_enc', id)), phone_token: `tok-${who}`,
      phone_hint: '…78', channel: 'sms', language, provider: 'outbox', delivery: 'sent', outcome: outcome as never, outcome_at: outcome ? new Date(at) : null,
      created_by_user_id: user.worker!.id, created_at: new Date(at),
    })
    .execute();
  for (const o of history) {
    await database.db.insertInto('outreach_contact_events').values({ contact_id: id, at: new Date(at), event: 'outcome', outcome: o as never, note_enc: null, actor_user_id: user.worker!.id }).execute();
  }
  return id;
}

const funnel = async (who: string, q = '') => {
  const res = await api.call(s[who]!, 'GET', `/api/outreach/funnel${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const stagesOf = (counts: Record<string, unknown>) => ['adsSeen', 'clusters', 'contacted', 'replied', 'conversation', 'handedOver', 'registered'].map((k) => counts[k]);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  // Wednesday 11 March 2026: the last two ISO weeks start on Monday 2 and Monday 9 March.
  t.clock.set(new Date('2026-03-11T12:00:00Z'));
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    user[key] = u;
    s[key] = await t.signIn(u.email);
  }
  await database.db
    .insertInto('outreach_weekly_counts')
    .values([
      { week: '2026-02-23', language: 'nl', ads_seen: 999, clusters_new: 99 }, // before the period
      { week: '2026-03-02', language: 'nl', ads_seen: 100, clusters_new: 10 },
      { week: '2026-03-02', language: 'en', ads_seen: 40, clusters_new: 4 },
      { week: '2026-03-09', language: 'nl', ads_seen: 60, clusters_new: 6 },
    ])
    .execute();
  // Week of 2 March.
  await contact('p1', '2026-03-03T10:00:00Z', 'nl', 'no-answer');
  await contact('p2', '2026-03-03T10:00:00Z', 'nl', 'replied');
  await contact('p3', '2026-03-03T10:00:00Z', 'nl', 'declined', ['replied', 'conversation']); // talked, then declined
  const p4 = await contact('p4', '2026-03-04T10:00:00Z', 'en', 'wants-help', ['replied']);
  await contact('p5', '2026-03-05T10:00:00Z', 'en', 'no-answer');
  await contact('p5', '2026-03-10T10:00:00Z', 'en', 'replied'); // the same person again: counted once, in the week of the first contact
  // Week of 9 March (weeks start on Monday 00:00 UTC).
  await contact('p6', '2026-03-09T10:00:00Z', 'nl', 'referred');
  await contact('p7', '2026-03-09T00:00:00Z', 'nl', null);
  await contact('p10', '2026-03-01T23:59:59Z', 'nl', 'replied'); // Sunday: the week before the period
  const p8 = await contact('p8', '2026-03-10T10:00:00Z', 'en', 'conversation');
  // First contacted before the period: not counted, even though contacted again within it.
  await contact('p9', '2026-02-25T10:00:00Z', 'nl', 'no-answer');
  await contact('p9', '2026-03-10T10:00:00Z', 'nl', 'replied');
  for (const [who, id] of [['p4', p4], ['p8', p8]] as const) {
    const res = await api.call(s.worker!, 'POST', `/api/outreach/contacts/${id}/handover`, {
      consentConfirmed: true, person: { estimatedAge: 25 }, description: 'Wants help.', acuteDanger: false, minorInvolved: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    signalOf[who] = res.json().signalId;
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('the outreach funnel', () => {
  it('counts ads, clusters and people per week and language, a later stage implying the earlier ones', async () => {
    const f = await funnel('worker', '?weeks=2');
    expect(f).toMatchObject({ weeks: 2, from: '2026-03-02', to: '2026-03-09', language: null, masked: false, languages: ['en', 'nl'] });
    expect(f.weekly.map((w: { week: string }) => w.week)).toEqual(['2026-03-02', '2026-03-09']);
    expect(stagesOf(f.weekly[0].counts)).toEqual([140, 14, 5, 4, 2, 1, 0]);
    expect(stagesOf(f.weekly[1].counts)).toEqual([60, 6, 3, 2, 2, 1, 0]);
    expect(stagesOf(f.totals)).toEqual([200, 20, 8, 6, 4, 2, 0]);
    expect(f.byLanguage.map((r: { week: string; language: string; counts: Record<string, unknown> }) => [r.week, r.language, ...stagesOf(r.counts)])).toEqual([
      ['2026-03-02', 'en', 40, 4, 2, 2, 1, 1, 0],
      ['2026-03-02', 'nl', 100, 10, 3, 2, 1, 0, 0],
      ['2026-03-09', 'en', 0, 0, 1, 1, 1, 1, 0],
      ['2026-03-09', 'nl', 60, 6, 2, 1, 1, 0, 0],
    ]);
    expect(f.conversions).toEqual([
      { from: 'adsSeen', to: 'clusters', ratio: 0.1 },
      { from: 'clusters', to: 'contacted', ratio: 0.4 },
      { from: 'contacted', to: 'replied', ratio: 0.75 },
      { from: 'replied', to: 'conversation', ratio: 0.6667 },
      { from: 'conversation', to: 'handedOver', ratio: 0.5 },
      { from: 'handedOver', to: 'registered', ratio: 0 },
    ]);
    // One language; a longer period takes in the week of 23 February (its ads, and p9 as a person).
    const en = await funnel('worker', '?weeks=2&language=en');
    expect(en.language).toBe('en');
    expect(en.languages).toEqual(['en', 'nl']);
    expect(en.byLanguage.every((r: { language: string }) => r.language === 'en')).toBe(true);
    expect(stagesOf(en.totals)).toEqual([40, 4, 3, 3, 2, 2, 0]);
    const longer = await funnel('worker', '?weeks=3');
    expect(longer.from).toBe('2026-02-23');
    expect(stagesOf(longer.weekly[0].counts)).toEqual([999, 99, 2, 2, 0, 0, 0]); // p9 and p10
    // The default is 12 weeks ending with the current one.
    const byDefault = await funnel('worker');
    expect(byDefault.weeks).toBe(12);
    expect(byDefault.weekly).toHaveLength(12);
    expect(byDefault.to).toBe('2026-03-09');
  });

  it('shows 1-4 as "<5" to statistics analysts, exact numbers to outreach workers', async () => {
    const f = await funnel('analyst', '?weeks=2');
    expect(f.masked).toBe(true);
    expect(stagesOf(f.totals)).toEqual([200, 20, 8, 6, '<5', '<5', 0]);
    expect(stagesOf(f.weekly[0].counts)).toEqual([140, 14, 5, '<5', '<5', '<5', 0]);
    expect(f.conversions.map((c: { ratio: number | null }) => c.ratio)).toEqual([0.1, 0.4, 0.75, null, null, null]);
    expect(JSON.stringify(f)).not.toMatch(/tok-|p\d/);
  });

  it('counts a handed-over person as registered once the registrar registers the signal as a case', async () => {
    const decided = await api.call(s.registrar!, 'POST', `/api/signals/${signalOf.p8}/decision`, api.registration({ consents: [{ purpose: 'registration', legalBasis: 'consent', givenOn: '2026-03-10' }] }));
    expect(decided.statusCode, decided.body).toBe(200);
    const f = await funnel('worker', '?weeks=2');
    expect(stagesOf(f.weekly[1].counts)).toEqual([60, 6, 3, 2, 2, 1, 1]);
    expect(stagesOf(f.totals)).toEqual([200, 20, 8, 6, 4, 2, 1]);
    expect(f.conversions.at(-1)).toEqual({ from: 'handedOver', to: 'registered', ratio: 0.5 });
    expect((await funnel('analyst', '?weeks=2')).totals.registered).toBe('<5');
  });

  it('refuses roles without the grant and bad filters, field by field', async () => {
    expect((await api.call(s.registrar!, 'GET', '/api/outreach/funnel')).statusCode).toBe(403);
    expect((await api.call(null, 'GET', '/api/outreach/funnel')).statusCode).toBe(401);
    for (const [q, field] of [['?weeks=0', 'querystring.weeks'], ['?weeks=53', 'querystring.weeks'], ['?weeks=two', 'querystring.weeks'], ['?language=NL', 'querystring.language'], ['?extra=1', 'querystring']] as const) {
      const res = await api.call(s.worker!, 'GET', `/api/outreach/funnel${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.problems.map((p: { field: string }) => p.field), q).toEqual([field]);
    }
  });
});

describe('funnel arithmetic', () => {
  it('uses the weeks of the import\'s weekly counts', () => {
    for (const at of ['2026-03-08T23:59:59Z', '2026-03-09T00:00:00Z', '2026-12-31T12:00:00Z', '2027-01-03T23:00:00Z']) {
      expect(weekOf(new Date(at), FUNNEL_TIME_ZONE), at).toBe(importWeekOf(new Date(at)));
    }
  });
  it('puts instants in ISO weeks of a zone and lists the weeks of a period', () => {
    expect(weekOf(new Date('2026-03-08T22:59:00Z'), 'Europe/Amsterdam')).toBe('2026-03-02');
    expect(weekOf(new Date('2026-03-08T23:00:00Z'), 'Europe/Amsterdam')).toBe('2026-03-09');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'), 'Europe/Amsterdam')).toBe('2026-12-28');
    expect(weekStarts(new Date('2026-01-05T08:00:00Z'), 3, 'Europe/Amsterdam')).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
  });
  it('masks only 1-4 and gives no ratio next to a masked cell', () => {
    const cells = maskCounts({ adsSeen: 0, clusters: 5, contacted: 4, replied: 1, conversation: 0, handedOver: 0, registered: 0 }, true);
    expect(cells).toEqual({ adsSeen: 0, clusters: 5, contacted: '<5', replied: '<5', conversation: 0, handedOver: 0, registered: 0 });
    expect(conversions(cells).map((c) => c.ratio)).toEqual([null, null, null, null, null, null]);
  });
});
