import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveChallenge } from '../src/intake/proof-of-work.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

let database: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof nrm>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(database, { BAKEN_PUBLIC_POW_BITS: '8', BAKEN_PUBLIC_REPORTS_PER_HOUR: '12' });
  api = nrm(t);
});
afterAll(async () => {
  await t.app.close();
  await database.close();
});

const tip = { kind: 'tip', language: 'en', message: 'The girls at the nail salon sleep in the back room and never go out alone.', about: { name: 'Mai Tran', place: 'Tilburg' } };
const count = async (table: 'signals' | 'signal_additions') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('public intake', () => {
  it('takes a tip without an account, returns a reference code and stores the person only encrypted', async () => {
    const res = await api.call(null, 'POST', '/api/public/reports', { ...tip, ...(await api.publicAnswer()) });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['receivedAt', 'referenceCode']);
    expect(res.json().referenceCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const row = await database.db.selectFrom('signals').selectAll().where('channel', '=', 'anonymous-tip').executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Mai Tran');
    expect(JSON.stringify(row)).not.toContain('nail salon');
    expect(JSON.stringify(row)).not.toContain(res.json().referenceCode);
    expect(row.submitted_by_user_id).toBeNull();

    const follow = await api.call(null, 'POST', '/api/public/reports/follow-up', {
      referenceCode: res.json().referenceCode.toLowerCase().replaceAll('-', ' '),
      message: 'They were moved to another city last night.',
      ...(await api.publicAnswer()),
    });
    expect(follow.statusCode).toBe(201);
    expect(Object.keys(follow.json())).toEqual(['receivedAt']);
    const wrong = await api.call(null, 'POST', '/api/public/reports/follow-up', { referenceCode: 'AAAA-BBBB-CCCC-DDDD', message: 'More information here.', ...(await api.publicAnswer()) });
    expect(wrong.statusCode).toBe(404);
    expect(await count('signal_additions')).toBe(1);
  });

  it('answers the same whether or not the person is already known', async () => {
    const a = await api.call(null, 'POST', '/api/public/reports', { ...tip, ...(await api.publicAnswer()) });
    const b = await api.call(null, 'POST', '/api/public/reports', { ...tip, about: { name: 'Nobody Known' }, ...(await api.publicAnswer()) });
    expect(a.statusCode).toBe(b.statusCode);
    expect(Object.keys(a.json())).toEqual(Object.keys(b.json()));
    expect(a.headers['content-length']).toBe(b.headers['content-length']);
  });

  it('refuses a filled honeypot, a wrong answer, a reused or expired challenge, and changes nothing', async () => {
    const before = await count('signals');
    const honey = await api.call(null, 'POST', '/api/public/reports', { ...tip, ...(await api.publicAnswer()), website: 'http://spam.example' });
    expect(honey.statusCode).toBe(400);
    expect(honey.json().error.code).toBe('CHALLENGE_FAILED');

    const { challenge } = (await api.call(null, 'GET', '/api/public/challenge')).json();
    const wrongNonce = await api.call(null, 'POST', '/api/public/reports', { ...tip, challenge, nonce: 'abc', website: '' });
    expect(wrongNonce.json().error.code).toBe('CHALLENGE_FAILED');
    const forged = await api.call(null, 'POST', '/api/public/reports', { ...tip, challenge: challenge.replace(/\.\d+\./, '.9999999999999.'), nonce: '1', website: '' });
    expect(forged.json().error.code).toBe('CHALLENGE_FAILED');

    const answer = await api.publicAnswer();
    expect((await api.call(null, 'POST', '/api/public/reports', { ...tip, ...answer })).statusCode).toBe(201);
    const reused = await api.call(null, 'POST', '/api/public/reports', { ...tip, ...answer });
    expect(reused.json().error.message).toContain('already used');

    const late = (await api.call(null, 'GET', '/api/public/challenge')).json();
    t.clock.advance(11 * 60 * 1000);
    const expired = await api.call(null, 'POST', '/api/public/reports', { ...tip, challenge: late.challenge, nonce: solveChallenge(late.challenge, late.difficulty), website: '' });
    expect(expired.json().error.message).toContain('expired');
    expect(await count('signals')).toBe(before + 1);
  });

  it('refuses bad input with the field named', async () => {
    const res = await api.call(null, 'POST', '/api/public/reports', { ...tip, message: 'short', kind: 'rumour', ...(await api.publicAnswer()) });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['body.message', 'body.kind']));
  });

  it('rate-limits reports per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await api.call(null, 'POST', '/api/public/reports/follow-up', { referenceCode: 'AAAA-BBBB-CCCC-DDDD', message: 'More information here.', website: '', challenge: 'x.y.z.w', nonce: '1' })).statusCode);
    expect(statuses).toContain(429);
  });
});
