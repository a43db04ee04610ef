import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type Session, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;
const s: Record<string, Session> = {};
const user: Record<string, { id: string; organisationId: string }> = {};
let caseId: string;

type Task = { id: string; titleCode: string; assignedRole: string | null; assignedOrganisationId: string | null; assignedUserId: string | null; assignedUserName: string | null; assignedToMe: boolean; note: string | null; status: string; dueAt: string };

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
  api = nrm(t);
  for (const [key, p] of Object.entries({
    police: { role: 'first-responder', org: 'Politie', orgType: 'police' },
    registrar: { role: 'registrar', org: 'Informatiepunt', orgType: 'registrar' },
    care: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    care2: { role: 'care-coordinator', org: 'Zorgcoordinatie', orgType: 'care-coordination' },
    otherCare: { role: 'care-coordinator', org: 'Zorg elders', orgType: 'care-coordination' },
    shelter: { role: 'service-provider', org: 'Opvang', orgType: 'shelter' },
  })) {
    const u = await t.makeUser(p);
    user[key] = u;
    s[key] = await t.signIn(u.email);
  }
  caseId = await api.registeredCase(s.police!, s.registrar!, {
    consents: [
      { purpose: 'registration', legalBasis: 'statutory-task', givenOn: '2026-03-01' },
      { purpose: 'shelter', legalBasis: 'consent', givenOn: '2026-03-01' },
      { purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: '2026-03-01' },
    ],
  });
  for (const [type, key] of [['care-coordination', 'care'], ['shelter', 'shelter']] as const) {
    const r = await api.call(s.registrar!, 'POST', `/api/cases/${caseId}/referrals`, { type, organisationId: user[key]!.organisationId });
    expect(r.statusCode, r.body).toBe(201);
    expect((await api.call(s[key]!, 'POST', `/api/referrals/${r.json().id}/accept`, {})).statusCode).toBe(200);
  }
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const create = (who: string, body: Record<string, unknown>, id = caseId) => api.call(s[who]!, 'POST', `/api/cases/${id}/tasks`, { kind: 'follow-up', dueDate: '2026-03-10', ...body });
const tasks = async (who: string, query = '') => {
  const res = await api.call(s[who]!, 'GET', `/api/tasks${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Task[];
};
const taskCount = async () => Number((await database.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('tasks made by hand', () => {
  let personal: Task;

  it('assigns a task to a named person who may open the case, with an encrypted note', async () => {
    const res = await create('registrar', { assignee: { userId: user.care!.id }, kind: 'arrange-care', note: 'Call Maria via the shelter, not directly.' });
    expect(res.statusCode, res.body).toBe(201);
    personal = res.json();
    expect(personal).toMatchObject({ titleCode: 'manual.arrange-care', assignedUserId: user.care!.id, assignedRole: 'care-coordinator', assignedOrganisationId: user.care!.organisationId, note: 'Call Maria via the shelter, not directly.' });
    // Due at 17:00 Amsterdam time (CET in March).
    expect(personal.dueAt).toBe('2026-03-10T16:00:00.000Z');
    const row = await database.db.selectFrom('tasks').select('note_enc').where('id', '=', personal.id).executeTakeFirstOrThrow();
    expect(row.note_enc).not.toContain('Maria');

    const mine = await tasks('care', '?mine=true');
    expect(mine.map((x) => x.id)).toEqual([personal.id]);
    expect(mine[0]!.assignedToMe).toBe(true);
    expect(mine[0]!.note).toContain('Call Maria');
    // A colleague in the same role and organisation sees it in the team queue, but not as theirs.
    expect((await tasks('care2')).map((x) => x.id)).toContain(personal.id);
    expect(await tasks('care2', '?mine=true')).toEqual([]);
    expect((await tasks('otherCare')).map((x) => x.id)).not.toContain(personal.id);
    // The existing task list shows it to the person too.
    const existing = await api.call(s.care!, 'GET', '/api/tasks');
    expect(existing.json().items.map((x: Task) => x.id)).toContain(personal.id);
  });

  it('lets the person complete their task (and a registrar complete any)', async () => {
    const done = await api.call(s.care!, 'POST', `/api/tasks/${personal.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    const other = (await create('registrar', { assignee: { userId: user.care2!.id } })).json();
    expect((await api.call(s.registrar!, 'POST', `/api/tasks/${other.id}/complete`)).statusCode).toBe(200);
    expect((await api.call(s.otherCare!, 'POST', `/api/tasks/${other.id}/complete`)).statusCode).toBe(404);
  });

  it('assigns to a role, in an organisation involved in the case unless the role sees every case', async () => {
    const team = await create('care', { assignee: { role: 'care-coordinator', organisationId: user.care!.organisationId } });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json().assignedUserId).toBeNull();
    const registrars = await create('care', { assignee: { role: 'registrar' }, kind: 'prepare-decision' });
    expect(registrars.statusCode, registrars.body).toBe(201);
    expect(registrars.json().assignedOrganisationId).toBeNull();
    expect((await tasks('registrar')).map((x) => x.id)).toContain(registrars.json().id);
  });

  it('refuses assignees who cannot work on the case, bad input and roles without the grant, changing nothing', async () => {
    const before = await taskCount();
    const refusals: [string, Record<string, unknown>, number, string?][] = [
      ['registrar', { assignee: { userId: user.shelter!.id } }, 400, 'body.assignee.userId'], // the shelter role cannot see tasks
      ['registrar', { assignee: { userId: user.otherCare!.id } }, 400, 'body.assignee.userId'], // may not open the case
      ['registrar', { assignee: { userId: '00000000-0000-4000-8000-000000000000' } }, 400, 'body.assignee.userId'],
      ['registrar', { assignee: { role: 'care-coordinator' } }, 400, 'body.assignee.organisationId'],
      ['registrar', { assignee: { role: 'care-coordinator', organisationId: user.otherCare!.organisationId } }, 400, 'body.assignee.organisationId'],
      ['registrar', { assignee: { role: 'registrar', organisationId: user.registrar!.organisationId } }, 400, 'body.assignee.organisationId'],
      ['registrar', { assignee: { role: 'service-provider', organisationId: user.shelter!.organisationId } }, 400, 'body.assignee.role'],
      ['registrar', { assignee: { role: 'registrar' }, dueDate: '2026-03-01' }, 400, 'body.dueDate'],
      ['registrar', { assignee: { role: 'registrar' }, kind: 'make-coffee' }, 400],
      ['registrar', { assignee: { role: 'registrar' }, note: 'x'.repeat(2001) }, 400, 'body.note'],
      ['shelter', { assignee: { role: 'registrar' } }, 403],
      ['police', { assignee: { role: 'registrar' } }, 403],
      ['otherCare', { assignee: { role: 'registrar' } }, 404],
    ];
    for (const [who, body, status, field] of refusals) {
      const res = await create(who, body);
      expect(res.statusCode, `${who} ${JSON.stringify(body)}: ${res.body}`).toBe(status);
      if (field) expect(res.json().error.problems.map((p: { field: string }) => p.field)).toContain(field);
    }
    expect(await taskCount()).toBe(before);
  });

  it('offers the people and roles a task can go to', async () => {
    const res = await api.call(s.registrar!, 'GET', `/api/cases/${caseId}/task-assignees`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().people.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([user.care!.id, user.care2!.id, user.registrar!.id]));
    expect(ids).not.toContain(user.shelter!.id);
    expect(ids).not.toContain(user.otherCare!.id);
    expect(res.json().organisations.map((o: { id: string }) => o.id)).toContain(user.care!.organisationId);
    expect((await api.call(s.shelter!, 'GET', `/api/cases/${caseId}/task-assignees`)).statusCode).toBe(403);
  });

  it('refuses tasks on a closed case with CONFLICT', async () => {
    const closed = await api.registeredCase(s.police!, s.registrar!);
    await api.call(s.registrar!, 'POST', `/api/cases/${closed}/close`, { reason: 'Done.' });
    const res = await create('registrar', { assignee: { role: 'registrar' } }, closed);
    expect(res.statusCode).toBe(409);
  });
});
