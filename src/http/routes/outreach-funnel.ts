import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FUNNEL_STAGES, SMALL } from '../../outreach-work/funnel/funnel-stages.ts';
import { FUNNEL_DEFAULT_WEEKS, FUNNEL_MAX_WEEKS, readFunnel } from '../../outreach-work/funnel/read-funnel.ts';
import { errors } from '../schemas.ts';

const stage = z.enum(FUNNEL_STAGES);
const cell = z.union([z.number().int(), z.literal(SMALL)]);
const cells = z.object(Object.fromEntries(FUNNEL_STAGES.map((s) => [s, cell])) as Record<(typeof FUNNEL_STAGES)[number], typeof cell>);

const funnel = z.object({
  weeks: z.number(),
  from: z.string(),
  to: z.string(),
  language: z.string().nullable(),
  masked: z.boolean(),
  stages: z.array(stage),
  languages: z.array(z.string()),
  weekly: z.array(z.object({ week: z.string(), counts: cells })),
  byLanguage: z.array(z.object({ week: z.string(), language: z.string(), counts: cells })),
  totals: cells,
  conversions: z.array(z.object({ from: stage, to: stage, ratio: z.number().nullable() })),
});

/** Online outreach: the funnel from ads seen to registered presumed victims (counts only). */
export async function outreachFunnelRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/outreach/funnel', {
    schema: {
      summary: 'The outreach funnel per ISO week and language, with totals and conversion ratios (1-4 shown as "<5" to roles outside outreach work)',
      tags: ['online outreach'],
      querystring: z.strictObject({
        weeks: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(FUNNEL_MAX_WEEKS, `must be at most ${FUNNEL_MAX_WEEKS}`).default(FUNNEL_DEFAULT_WEEKS),
        language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "nl" or "und"').optional(),
      }),
      response: { 200: funnel, ...errors(400, 401, 403) },
    },
  }, async (request) => readFunnel(request.ctx, request.query));
}
