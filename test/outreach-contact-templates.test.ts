import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from './outreach-contact-helpers.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let call: ReturnType<typeof caller>;
const s: Record<string, Session> = {};

const SAFE_RO = 'Bună! Am văzut anunțul tău. Vrei să vorbim puțin? Îmi poți scrie aici: {chatLink}';
const templateCount = async () => Number((await database.db.selectFrom('outreach_message_templates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  call = caller(t);
  for (const [key, role, org] of [
    ['author', 'outreach-worker', 'Outreach Team'],
    ['colleague', 'outreach-worker', 'Outreach Team'],
    ['registrar', 'registrar', 'Informatiepunt'],
    ['analyst', 'statistics-analyst', 'Informatiepunt'],
    ['coordinator', 'care-coordinator', 'Zorg'],
  ] as const) {
    const u = await t.makeUser({ role, org });
    s[key] = await t.signIn(u.email);
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('message templates', () => {
  it('saves a safe draft and shows the exact message it makes', async () => {
    const res = await call(s.author!, 'POST', '/api/outreach/templates', { language: 'ro', name: 'Prima', body: SAFE_RO });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'draft', language: 'ro', problems: [], mine: true, mayApprove: false });
    expect(body.preview).toBe(SAFE_RO.replace('{chatLink}', t.config.outreachChatLink));
    expect(body.length).toBe([...body.preview].length);
  });

  it('refuses an unsafe template with one problem per broken rule at the body field, and stores nothing', async () => {
    const before = await templateCount();
    const res = await call(s.author!, 'POST', '/api/outreach/templates', { language: 'en', name: 'Bad', body: 'Hi {name}, the police can help you. Call 0612345678' });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.problems as { field: string; problem: string }[];
    expect(problems.every((p) => p.field === 'body.body')).toBe(true);
    const text = problems.map((p) => p.problem).join('\n');
    expect(text).toMatch(/\{name\}/);
    expect(text).toMatch(/"police" is a English word/);
    expect(text).toMatch(/0612345678/);
    expect(text).toMatch(/\{chatLink\}/);
    expect(await templateCount()).toBe(before);
    // Bad name and language, each at its field.
    expect((await call(s.author!, 'POST', '/api/outreach/templates', { language: 'ro', name: '  ', body: SAFE_RO })).json().error.problems[0].field).toBe('body.name');
    expect((await call(s.author!, 'POST', '/api/outreach/templates', { language: 'fr', name: 'x', body: SAFE_RO })).json().error.problems[0].field).toBe('body.language');
    expect(await templateCount()).toBe(before);
  });

  it('checks a text live, in any language, and names the word and its language', async () => {
    const res = await call(s.author!, 'POST', '/api/outreach/templates/check', { language: 'th', body: 'สวัสดีค่ะ ตำรวจ {chatLink}' });
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([expect.objectContaining({ code: 'revealing-word', word: 'ตำรวจ', language: 'th' })]);
    expect(res.json().limit).toBe(160);
  });

  it('needs a second outreach worker to approve (four eyes); an approved template is never edited', async () => {
    const created = (await call(s.author!, 'POST', '/api/outreach/templates', { language: 'ro', name: 'Doi', body: SAFE_RO })).json();
    const own = await call(s.author!, 'POST', `/api/outreach/templates/${created.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/second outreach worker/);
    expect((await database.db.selectFrom('outreach_message_templates').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe('draft');

    // The colleague sees it as approvable, edits are still possible while it is a draft.
    const listed = (await call(s.colleague!, 'GET', '/api/outreach/templates?language=ro&status=draft')).json().items as { id: string; mayApprove: boolean }[];
    expect(listed.find((x) => x.id === created.id)?.mayApprove).toBe(true);
    const edited = await call(s.author!, 'PATCH', `/api/outreach/templates/${created.id}`, { name: 'Doi (scurt)' });
    expect(edited.statusCode).toBe(200);
    const unsafeEdit = await call(s.author!, 'PATCH', `/api/outreach/templates/${created.id}`, { body: `${SAFE_RO} poliția` });
    expect(unsafeEdit.statusCode).toBe(400);

    const approved = await call(s.colleague!, 'POST', `/api/outreach/templates/${created.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', name: 'Doi (scurt)', body: SAFE_RO });
    expect(approved.json().approvedByName).toMatch(/Test User/);
    expect((await call(s.colleague!, 'POST', `/api/outreach/templates/${created.id}/approve`)).statusCode).toBe(409);

    const edit = await call(s.author!, 'PATCH', `/api/outreach/templates/${created.id}`, { body: SAFE_RO.replace('Bună', 'Salut') });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/create a new template/);

    const retired = await call(s.author!, 'POST', `/api/outreach/templates/${created.id}/retire`);
    expect(retired.json().status).toBe('retired');
    expect((await call(s.author!, 'POST', `/api/outreach/templates/${created.id}/retire`)).statusCode).toBe(409);
    expect((await call(s.colleague!, 'GET', '/api/outreach/templates?status=approved')).json().items.map((x: { id: string }) => x.id)).not.toContain(created.id);

    const audit = await database.db.selectFrom('audit_log').select(['action', 'resource_id']).where('resource_id', '=', created.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['outreach-template.create', 'outreach-template.update', 'outreach-template.approve', 'outreach-template.retire']);
  });

  it('refuses roles without outreach grants', async () => {
    for (const who of ['registrar', 'analyst', 'coordinator']) {
      expect((await call(s[who]!, 'GET', '/api/outreach/templates')).statusCode, who).toBe(403);
      expect((await call(s[who]!, 'POST', '/api/outreach/templates', { language: 'ro', name: 'x', body: SAFE_RO })).statusCode, who).toBe(403);
      expect((await call(s[who]!, 'POST', '/api/outreach/templates/check', { language: 'ro', body: SAFE_RO })).statusCode, who).toBe(403);
    }
  });
});
