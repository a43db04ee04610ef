import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listJobs } from '../../jobs/list-jobs.ts';
import { errors } from '../schemas.ts';

const job = z.object({
  id: z.number(),
  type: z.string(),
  status: z.enum(['queued', 'running', 'done', 'dead']),
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export async function adminJobRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>().get('/api/admin/jobs', {
    schema: {
      summary: 'Background jobs, newest first (payloads are never shown)',
      tags: ['administration'],
      querystring: z.strictObject({
        status: z.enum(['queued', 'running', 'done', 'dead']).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
      response: { 200: z.object({ items: z.array(job) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await listJobs(request.ctx, request.query) }));
}
