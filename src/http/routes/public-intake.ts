import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { addPublicFollowUp } from '../../intake/add-public-follow-up.ts';
import { issueChallenge } from '../../intake/proof-of-work.ts';
import { submitPublicReport } from '../../intake/submit-public-report.ts';
import { errors } from '../schemas.ts';

const antiAbuse = {
  website: z.string().max(200),
  challenge: z.string().min(1).max(300),
  nonce: z.string().min(1).max(20),
};
const message = z.string().trim().min(10, 'tell us a little more (at least 10 characters)').max(5000);

/** Public intake without an account: self-report, anonymous tip, follow-up with the reference code. */
export function publicIntakeRoutes(config: Config) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['public intake'];
    const limited = { auth: 'public' as const, csrf: false, rateLimit: { max: config.publicReportsPerHour, timeWindow: '1 hour' } };

    app.get('/api/public/challenge', {
      config: { auth: 'public', rateLimit: { max: config.publicReportsPerHour * 4, timeWindow: '1 hour' } },
      schema: {
        summary: 'A proof-of-work challenge: find a decimal nonce so that SHA-256(challenge ":" nonce) starts with `difficulty` zero bits',
        tags,
        response: { 200: z.object({ challenge: z.string(), difficulty: z.number() }), ...errors(429) },
      },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueChallenge(request.ctx);
    });

    app.post('/api/public/reports', {
      config: limited,
      schema: {
        summary: 'Report about yourself or someone else, without an account; returns a reference code for adding information later',
        tags,
        body: z.strictObject({
          kind: z.enum(['self-report', 'tip']),
          language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "nl"'),
          message,
          acuteDanger: z.boolean().optional(),
          about: z
            .strictObject({
              name: z.string().trim().max(200).optional(),
              age: z.number().int().min(0).max(120).optional(),
              place: z.string().trim().max(200).optional(),
              work: z.string().trim().max(1000).optional(),
            })
            .optional(),
          contact: z
            .strictObject({
              channel: z.enum(['none', 'phone', 'email']),
              value: z.string().trim().max(200).optional(),
              safeTimes: z.string().trim().max(500).optional(),
            })
            .optional(),
          ...antiAbuse,
        }),
        response: { 201: z.object({ referenceCode: z.string(), receivedAt: z.string() }), ...errors(400, 429) },
      },
    }, async (request, reply) => reply.status(201).send(await submitPublicReport(request.ctx, request.body)));

    app.post('/api/public/reports/follow-up', {
      config: limited,
      schema: {
        summary: 'Add information to an earlier report with its reference code',
        tags,
        body: z.strictObject({ referenceCode: z.string().trim().min(4).max(40), message, ...antiAbuse }),
        response: { 201: z.object({ receivedAt: z.string() }), ...errors(400, 404, 429) },
      },
    }, async (request, reply) => reply.status(201).send(await addPublicFollowUp(request.ctx, request.body)));
  };
}
