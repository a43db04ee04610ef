import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../access/actor.ts';
import { OffsetClock } from '../../clock.ts';
import { advanceClocks } from '../../clocks/advance-clocks.ts';
import { DomainError } from '../../errors/catalogue.ts';
import type { ServerState } from '../server-state.ts';
import { errors } from '../schemas.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Browser tests only (BAKEN_TEST_CLOCK=on, never with NODE_ENV=production): moves the server's time
 * forward and runs the clock job at once, so a test sees a legal clock warn and then escalate
 * without waiting months. Not registered at all otherwise (the path is then an unknown endpoint).
 */
export function testClockRoutes(state: ServerState) {
  return async function routes(root: FastifyInstance) {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.post('/api/test/clock', {
      config: { auth: 'public' },
      schema: {
        summary: 'Move the server clock forward (browser tests only)',
        tags: ['test'],
        body: z.strictObject({ advanceMs: z.number().int().min(0).max(400 * DAY_MS) }),
        response: { 200: z.object({ now: z.string(), advanced: z.object({ warned: z.number(), overdue: z.number(), expired: z.number(), escalated: z.number() }) }), ...errors(400, 503) },
      },
    }, async (request) => {
      const services = state.services;
      if (!services || !(services.clock instanceof OffsetClock)) throw new DomainError('NOT_READY');
      services.clock.advance(request.body.advanceMs);
      const advanced = await advanceClocks({ ...services, actor: systemActor('test-clock'), origin: { ip: request.ip, requestId: request.id } });
      return { now: services.clock.now().toISOString(), advanced };
    });
  };
}
