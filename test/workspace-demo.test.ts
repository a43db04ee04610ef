import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/load-actor.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-directory.ts';
import { seedReferralMechanism } from '../src/demo/seed-referral-mechanism.ts';
import { seedWorkspace } from '../src/demo/seed-workspace.ts';
import { createOrganisation } from '../src/organisations/create-organisation.ts';
import { createUser } from '../src/users/create-user.ts';
import { downloadDocument } from '../src/workspace/documents/download-document.ts';
import { listDocuments } from '../src/workspace/documents/list-documents.ts';
import { sniffMediaType } from '../src/workspace/documents/media-types.ts';
import { listNotes } from '../src/workspace/notes/list-notes.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

describe('demo workspace', () => {
  it('lets the shelter see the involved notes but not the registrar organisation note', async () => {
    const { ctx } = t;
    // The demo's directory and referral records, then the workspace seed on top (as seedDemo does,
    // without the other capabilities' seeds, which this test is not about).
    const orgs = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) orgs.set(o.key, (await createOrganisation(ctx, { name: o.name, type: o.type, region: o.region })).id);
    const users = new Map<string, string>();
    for (const u of DEMO_USERS) users.set(u.email, (await createUser(ctx, { email: u.email, displayName: u.name, organisationId: orgs.get(u.organisation)!, roleId: u.role, password: DEMO_PASSWORD })).id);
    await seedReferralMechanism(ctx, users, orgs);
    expect(await seedWorkspace(ctx, users, orgs)).toEqual({ notes: 5, documents: 2, tasks: 1 });
    const as = async (email: string) => {
      const user = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      return { ...ctx, actor: (await loadActor(database.db, user.id))! };
    };
    const caseId = (await database.db.selectFrom('case_notes').select('case_id').executeTakeFirstOrThrow()).case_id;
    const shelter = await as('service-provider@baken.example');
    const registrar = await as('registrar@baken.example');
    const seen = (await listNotes(shelter, { caseId })).items.map((n) => n.body ?? '');
    expect(seen.some((b) => b.startsWith('Intakegesprek'))).toBe(true);
    expect(seen.some((b) => b.startsWith('Intern:'))).toBe(false);
    expect(seen.some((b) => b.startsWith('Alleen informatiepunt'))).toBe(false);
    expect((await listNotes(registrar, { caseId })).items.map((n) => n.visibility).sort()).toEqual(['involved', 'involved', 'organisation', 'registrar']);
    const docs = (await listDocuments(shelter, { caseId })).items;
    expect(docs.map((d) => d.fileName).sort()).toEqual(['bevestiging-opvangplek.pdf', 'intakeverslag-opvang.txt']);
    const pdf = await downloadDocument(shelter, { id: docs.find((d) => d.mediaType === 'application/pdf')!.id });
    expect(sniffMediaType(pdf.bytes)).toBe('application/pdf');
    expect(pdf.bytes.toString('latin1')).toContain('%%EOF');
    // The registrar does not see the shelter's internal document.
    expect((await listDocuments(registrar, { caseId })).items.map((d) => d.fileName)).toEqual(['bevestiging-opvangplek.pdf']);
  });
});
