import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const org: Record<string, string> = {};
let caseId: string;

const people = {
  police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
  registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
  registrar2: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
  shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
  shelter2: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
  legal: { role: 'service-provider', org: 'Rechtshulp', orgType: 'legal-aid' },
  analyst: { role: 'statistics-analyst', org: 'Informatiepunt', orgType: 'registrar' },
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  for (const [key, p] of Object.entries(people)) {
    const u = await t.makeUser(p);
    org[key] = u.organisationId;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  });
  const referral = (await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: org.shelter })).json();
  expect((await api.call(s.shelter!, 'POST', `/api/referrals/${referral.id}/accept`, {})).statusCode).toBe(200);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const write = (who: string, visibility: string, body: string, id = caseId) => api.call(s[who]!, 'POST', `/api/cases/${id}/notes`, { visibility, body });
const bodies = async (who: string) => {
  const res = await api.call(s[who]!, 'GET', `/api/cases/${caseId}/notes`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { body: string | null }[]).map((n) => n.body);
};
const noteCount = async () => Number((await database.db.selectFrom('case_notes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('case notes', () => {
  it('shows each visibility level only to those it is meant for', async () => {
    for (const [who, visibility, body] of [
      ['registrar', 'organisation', 'REG-ORG internal planning'],
      ['registrar', 'involved', 'REG-INVOLVED intake interview on Tuesday'],
      ['registrar', 'registrar', 'REG-ONLY focal point remark'],
      ['shelter', 'organisation', 'SHELTER-ORG room 12'],
      ['shelter', 'registrar', 'SHELTER-TO-REGISTRAR worried about visits'],
    ] as const) {
      const res = await write(who, visibility, `  ${body}  `);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().body).toBe(body); // trimmed
    }
    // The author's organisation; the focal point; the author always sees their own.
    expect(new Set(await bodies('registrar'))).toEqual(new Set(['REG-ORG internal planning', 'REG-INVOLVED intake interview on Tuesday', 'REG-ONLY focal point remark', 'SHELTER-TO-REGISTRAR worried about visits']));
    expect(new Set(await bodies('registrar2'))).toEqual(new Set(['REG-ORG internal planning', 'REG-INVOLVED intake interview on Tuesday', 'REG-ONLY focal point remark', 'SHELTER-TO-REGISTRAR worried about visits']));
    expect(new Set(await bodies('shelter'))).toEqual(new Set(['REG-INVOLVED intake interview on Tuesday', 'SHELTER-ORG room 12', 'SHELTER-TO-REGISTRAR worried about visits']));
    // A colleague in the shelter: the organisation note, not the colleague's note to the registrar.
    expect(new Set(await bodies('shelter2'))).toEqual(new Set(['REG-INVOLVED intake interview on Tuesday', 'SHELTER-ORG room 12']));
    // An organisation without a referral does not even learn the case exists.
    expect((await api.call(s.legal!, 'GET', `/api/cases/${caseId}/notes`)).statusCode).toBe(404);
    expect((await write('legal', 'involved', 'not mine')).statusCode).toBe(404);
    // Roles without the grant.
    expect((await api.call(s.police!, 'GET', `/api/cases/${caseId}/notes`)).statusCode).toBe(403);
    expect((await api.call(s.analyst!, 'GET', `/api/cases/${caseId}/notes`)).statusCode).toBe(403);
  });

  it('never gives note bodies to a role without free-text access, even if granted note:list', async () => {
    await database.db.insertInto('role_grants').values({ role_id: 'statistics-analyst', resource: 'note', action: 'list' }).execute();
    try {
      const res = await api.call(s.analyst!, 'GET', `/api/cases/${caseId}/notes`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { body: string | null; visibility: string }[];
      // Scope "all" but not the focal point: the registrar-only notes stay hidden; the analyst works in
      // the registrar's organisation, so sees that organisation's note exists, but no text at all.
      expect(items.map((n) => n.visibility).sort()).toEqual(['involved', 'organisation']);
      expect(items.every((n) => n.body === null)).toBe(true);
      expect(res.body).not.toContain('intake interview');
    } finally {
      await database.db.deleteFrom('role_grants').where('role_id', '=', 'statistics-analyst').where('resource', '=', 'note').execute();
    }
  });

  it('stores bodies encrypted and audits reads with note ids, never text', async () => {
    const rows = await database.db.selectFrom('case_notes').select(['id', 'body_enc']).where('case_id', '=', caseId).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.body_enc.startsWith('ev1.')).toBe(true);
      expect(r.body_enc).not.toMatch(/REG-|SHELTER|interview|room 12/);
    }
    const before = await database.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await bodies('shelter');
    const entry = await database.db.selectFrom('audit_log').selectAll().where('seq', '>', before.seq).where('action', '=', 'note.list').executeTakeFirstOrThrow();
    expect(entry.resource_id).toBe(caseId);
    const details = (typeof entry.details === 'string' ? JSON.parse(entry.details) : entry.details) as { noteIds: string[] };
    expect(details.noteIds).toHaveLength(3);
    const all = await database.db.selectFrom('audit_log').select('details').where('action', 'like', 'note.%').execute();
    expect(JSON.stringify(all)).not.toMatch(/REG-|SHELTER|interview/);
  });

  it('refuses bad input with a clear problem and changes nothing', async () => {
    const n = await noteCount();
    const empty = await write('registrar', 'involved', '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.problems[0].field).toBe('body.body');
    const long = await write('registrar', 'involved', 'x'.repeat(10_001));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('10000');
    expect((await write('registrar', 'everyone', 'hello')).statusCode).toBe(400);
    expect((await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/notes`, { visibility: 'involved', body: 'x', extra: 1 })).statusCode).toBe(400);
    expect((await write('registrar', 'involved', 'no case', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await write('police', 'involved', 'no grant')).statusCode).toBe(403);
    expect(await noteCount()).toBe(n);
  });

  it('reads notes on a closed case but refuses new ones with CONFLICT', async () => {
    const closedId = await api.registeredCase(s.police!, s.registrar!);
    expect((await write('registrar', 'involved', 'before closing')).statusCode).toBe(201);
    expect((await write('registrar', 'involved', 'before closing', closedId)).statusCode).toBe(201);
    expect((await api.call(s.registrar!, 'POST', `/api/cases/${closedId}/close`, { reason: 'Support completed.' })).statusCode).toBe(200);
    const n = await noteCount();
    const refused = await write('registrar', 'involved', 'after closing', closedId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    expect(await noteCount()).toBe(n);
    const listed = await api.call(s.registrar!, 'GET', `/api/cases/${closedId}/notes`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { body: string }) => i.body)).toEqual(['before closing']);
  });
});
