import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeDossierType } from '../../cases/change-dossier-type.ts';
import { closeCase } from '../../cases/close-case.ts';
import { reopenCase } from '../../cases/reopen-case.ts';
import { listCaseViews } from '../../cases/list-case-views.ts';
import { listCases } from '../../cases/list-cases.ts';
import { readCase } from '../../cases/read-case.ts';
import { recordConsent } from '../../consents/record-consent.ts';
import { withdrawConsent } from '../../consents/withdraw-consent.ts';
import { caseDetail, caseSummary, code, consent, consentInput, day, reason } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

/** Cases of presumed victims and their consent ledger. */
export async function caseRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  app.get('/api/cases', {
    schema: {
      summary: 'Cases, newest first, with filters; q finds a case number (prefix) or whole name words',
      tags,
      querystring: z.strictObject({
        q: z.string().trim().max(100).optional(),
        status: z.enum(['open', 'closed']).optional(),
        dossierType: code.optional(),
        form: code.optional(),
        region: code.optional(),
        presumedMinor: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        registeredFrom: day.optional(),
        registeredTo: day.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
      response: { 200: z.object({ items: z.array(caseSummary), nextCursor: z.string().nullable() }), ...errors(400, 401, 403) },
    },
  }, async (request) => listCases(request.ctx, request.query));

  app.get('/api/cases/:id', {
    schema: { summary: 'A case, showing only the field groups the viewer may see (audited)', tags, params: uuidParam, response: { 200: caseDetail, ...errors(401, 403, 404) } },
  }, async (request) => readCase(request.ctx, { id: request.params.id }));

  app.patch('/api/cases/:id/dossier-type', {
    schema: {
      summary: 'Change the dossier type, with a reason (kept in the history)',
      tags,
      params: uuidParam,
      body: z.strictObject({ dossierType: code, reason }),
      response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => changeDossierType(request.ctx, { id: request.params.id, ...request.body }));

  app.post('/api/cases/:id/close', {
    schema: {
      summary: 'Close a case with a reason; active referrals end at once',
      tags,
      params: uuidParam,
      body: z.strictObject({ reason }),
      response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => closeCase(request.ctx, { id: request.params.id, reason: request.body.reason }));

  app.post('/api/cases/:id/reopen', {
    schema: { summary: 'Reopen a closed case with a reason', tags, params: uuidParam, body: z.strictObject({ reason }), response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => reopenCase(request.ctx, { id: request.params.id, reason: request.body.reason }));

  app.get('/api/cases/:id/views', {
    schema: {
      summary: 'Who opened this case, when and why (from the audit trail)',
      tags,
      params: uuidParam,
      response: {
        200: z.object({ items: z.array(z.object({ at: z.string(), userName: z.string(), organisationName: z.string().nullable(), action: z.string(), purpose: z.string().nullable() })) }),
        ...errors(401, 403, 404),
      },
    },
  }, async (request) => listCaseViews(request.ctx, { id: request.params.id }));

  app.post('/api/cases/:id/consents', {
    schema: { summary: 'Record a consent or other legal basis for one purpose', tags: ['consents'], params: uuidParam, body: consentInput, response: { 201: consent, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await recordConsent(request.ctx, { caseId: request.params.id, ...request.body })));

  app.post('/api/consents/:id/withdraw', {
    schema: {
      summary: 'Withdraw a consent; referrals that relied on it are revoked at once',
      tags: ['consents'],
      params: uuidParam,
      body: z.strictObject({ reason }),
      response: { 200: z.object({ consent, revokedReferrals: z.number() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => withdrawConsent(request.ctx, { id: request.params.id, reason: request.body.reason }));
}
