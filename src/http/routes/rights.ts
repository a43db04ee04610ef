import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRetentionRuns } from '../../retention/list-retention-runs.ts';
import { runRetention } from '../../retention/run-retention.ts';
import { CORRECTABLE_FIELDS } from '../../rights/correctable-fields.ts';
import { correctCase } from '../../rights/correct-case.ts';
import { exportCase } from '../../rights/export-case.ts';
import { listCorrections } from '../../rights/list-corrections.ts';
import { reason } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

const fieldValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(20), z.null()]);

const correction = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: fieldValue.nullable(),
  newValue: fieldValue.nullable(),
  reason: z.string(),
  correctedAt: z.string(),
  correctedByName: z.string().nullable(),
});
const corrections = z.object({ items: z.array(correction) });

const skippedRule = z.object({ profile: z.string(), recordType: z.string(), action: z.string(), why: z.string() });
const report = z.object({
  version: z.literal(1),
  dryRun: z.boolean(),
  asOf: z.string(),
  items: z.array(z.object({ recordType: z.string(), action: z.enum(['delete', 'anonymise']), records: z.number(), references: z.array(z.string()) })),
  totals: z.object({ targets: z.number(), records: z.number(), failures: z.number() }),
  failures: z.array(z.object({ kind: z.enum(['case', 'signal']), reference: z.string(), error: z.string() })),
  skippedRules: z.array(skippedRule),
});
const run = z.object({ id: z.string(), dryRun: z.boolean(), startedAt: z.string(), finishedAt: z.string().nullable(), startedBy: z.string(), report: report.nullable() });

/** Data-subject rights (export, correction) and retention. */
export async function rightsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['data-subject rights'];

  app.get('/api/cases/:id/export', {
    schema: {
      summary: 'Everything held about the person of a case, as a JSON or readable HTML attachment (registrars; audited)',
      description: 'JSON structure: docs/data-subject-rights.md. `lang` chooses the language of the HTML document (default: the viewer\'s).',
      tags,
      params: uuidParam,
      querystring: z.strictObject({ format: z.enum(['json', 'html']).default('json'), lang: z.enum(['nl', 'en']).optional() }),
      response: { 200: z.string().describe('The export file'), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const file = await exportCase(request.ctx, { id: request.params.id, format: request.query.format, lang: request.query.lang });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  });

  app.get('/api/cases/:id/corrections', {
    schema: { summary: 'The correction history of a case, with old and new values (registrars; audited)', tags, params: uuidParam, response: { 200: corrections, ...errors(401, 403, 404) } },
  }, async (request) => listCorrections(request.ctx, { id: request.params.id }));

  app.post('/api/cases/:id/corrections', {
    schema: {
      summary: 'Correct person data of a case with a reason; returns the correction history',
      description: `Fields: ${CORRECTABLE_FIELDS.join(', ')}. A value equal to the current one is refused.`,
      tags,
      params: uuidParam,
      body: z.strictObject({
        changes: z.array(z.strictObject({ field: z.enum(CORRECTABLE_FIELDS), value: fieldValue })).min(1).max(CORRECTABLE_FIELDS.length),
        reason,
      }),
      response: { 200: corrections, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => correctCase(request.ctx, { id: request.params.id, ...request.body }));

  app.get('/api/retention/runs', {
    schema: {
      summary: 'Retention runs, newest first, with their reports',
      tags,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() }),
      response: { 200: z.object({ items: z.array(run) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listRetentionRuns(request.ctx, request.query));

  app.post('/api/retention/runs', {
    schema: {
      summary: 'Run retention now; with dryRun only report what it would do',
      tags,
      body: z.strictObject({ dryRun: z.boolean() }),
      response: { 201: run, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.code(201).send(await runRetention(request.ctx, request.body)));
}
