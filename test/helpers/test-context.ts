import crypto from 'node:crypto';
import pino from 'pino';
import { systemActor, type Actor } from '../../src/access/actor.ts';
import { FakeClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Ctx } from '../../src/context.ts';
import type { Keyring } from '../../src/crypto/keyring.ts';
import type { TestDatabase } from './test-db.ts';

export function testKeyring(): Keyring {
  return { activeKeyId: 'ktest1', keys: new Map([['ktest1', crypto.randomBytes(32)]]) };
}

/** A context on a test database with a fake clock, a throwaway keyring and a silent logger. */
export function testContext(database: TestDatabase, overrides: Partial<Ctx> = {}): Ctx & { clock: FakeClock } {
  return {
    db: database.db,
    actor: systemActor('test'),
    clock: new FakeClock(),
    keyring: testKeyring(),
    config: loadConfig({ BAKEN_DATA_DIR: database.dataDir ?? '.tmp/test-data', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
    origin: { ip: '127.0.0.1', requestId: 'test' },
    ...overrides,
  } as Ctx & { clock: FakeClock };
}

export function asActor(ctx: Ctx, actor: Actor): Ctx {
  return { ...ctx, actor };
}
