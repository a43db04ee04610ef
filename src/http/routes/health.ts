import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendError } from '../error-handler.ts';
import type { ServerState } from '../server-state.ts';

export function healthRoutes(state: ServerState) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
      config: { auth: 'public' },
      schema: {
        summary: 'Readiness: 200 once the database answers, 503 before that and while stopping',
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }), 503: z.any() },
      },
    }, async (_request, reply) => {
      const services = state.services;
      if (!state.ready || !services) return sendError(reply, 'NOT_READY', 'The service is starting or stopping.');
      try {
        await sql`select 1`.execute(services.db);
      } catch {
        return sendError(reply, 'NOT_READY', 'The database does not answer.');
      }
      return { status: 'ok' as const, database: services.database.kind, time: services.clock.now().toISOString() };
    });
  };
}
