import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../audit/list-audit.ts';
import { errors } from '../schemas.ts';

const entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  actorName: z.string().nullable(),
  organisationId: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export async function adminAuditRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>().get('/api/admin/audit', {
    schema: {
      summary: 'Browse the audit trail, newest first (page with `before`)',
      tags: ['administration'],
      querystring: z.strictObject({
        action: z.string().max(100).optional(),
        resourceType: z.string().max(100).optional(),
        resourceId: z.string().max(200).optional(),
        actorUserId: z.uuid().optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        from: z.coerce.date().optional(),
        to: z.coerce.date().optional(),
        before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
      response: { 200: z.object({ items: z.array(entry), nextBefore: z.number().nullable() }), ...errors(400, 401, 403) },
    },
  }, async (request) => listAudit(request.ctx, request.query));
}
