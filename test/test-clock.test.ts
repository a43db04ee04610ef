import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffsetClock, FakeClock } from '../src/clock.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';
import type { ServerState } from '../src/http/server-state.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { testKeyring } from './helpers/test-context.ts';

const DAY = 24 * 60 * 60 * 1000;

async function serverWith(database: TestDatabase, env: Record<string, string>, clock: OffsetClock | FakeClock) {
  const config = loadConfig({ BAKEN_DATA_DIR: database.dataDir ?? '.tmp/test-data', LOG_LEVEL: 'silent', ...env });
  const logger = pino({ level: 'silent' });
  const state: ServerState = {
    services: { db: database.db, database, migration: { applied: [], wasEmpty: false }, keyring: testKeyring(), config, logger, clock },
    ready: true,
  };
  return buildServer(config, state, logger);
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the movable test clock (browser tests only)', () => {
  it('is refused with NODE_ENV=production, naming the variable', () => {
    expect(() => loadConfig({ BAKEN_TEST_CLOCK: 'on', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ BAKEN_TEST_CLOCK: 'on', NODE_ENV: 'production' })).toThrow(/BAKEN_TEST_CLOCK/);
    expect(loadConfig({ BAKEN_TEST_CLOCK: 'on' }).testClock).toBe(true);
    expect(loadConfig({}).testClock).toBe(false);
  });

  it('does not exist when off: the endpoint is unknown', async () => {
    const app = await serverWith(database, {}, new OffsetClock());
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: DAY } });
    expect(res.statusCode).toBe(404);
    await app.close();
  });

  it('moves the server time forward and runs the clock job when on; refuses moving back', async () => {
    const clock = new OffsetClock();
    const app = await serverWith(database, { BAKEN_TEST_CLOCK: 'on' }, clock);
    const before = clock.now().getTime();
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 10 * DAY } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(new Date(body.now).getTime() - before).toBeGreaterThanOrEqual(10 * DAY);
    expect(body.advanced).toEqual({ warned: expect.any(Number), overdue: expect.any(Number), expired: expect.any(Number), escalated: expect.any(Number) });
    expect(clock.now().getTime() - Date.now()).toBeGreaterThanOrEqual(10 * DAY - 1000);

    const back = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: -1 } });
    expect(back.statusCode).toBe(400);
    expect(() => clock.advance(-5)).toThrow(RangeError);
    await app.close();
  });

  it('answers 503 when the server does not run on a movable clock', async () => {
    const app = await serverWith(database, { BAKEN_TEST_CLOCK: 'on' }, new FakeClock());
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 1 } });
    expect(res.statusCode).toBe(503);
    await app.close();
  });
});
