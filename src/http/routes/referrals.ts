import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentReferenceData } from '../../cases/present-reference-data.ts';
import { listDirectory } from '../../organisations/list-directory.ts';
import { createReferral } from '../../referrals/create-referral.ts';
import { listReferrals } from '../../referrals/list-referrals.ts';
import { respondToReferral } from '../../referrals/respond-to-referral.ts';
import { revokeReferral } from '../../referrals/revoke-referral.ts';
import { code, reason, referral } from '../nrm-schemas.ts';
import { errors, organisationType, uuidParam } from '../schemas.ts';

const note = z.string().trim().max(2000).optional();

/** Referrals between organisations, the organisation directory and the profile's code lists. */
export async function referralRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];

  app.post('/api/cases/:id/referrals', {
    schema: {
      summary: 'Refer a case to an organisation; 409 CONSENT_REQUIRED when the consent gate is closed (override needs its own permission and a reason)',
      tags,
      params: uuidParam,
      body: z.strictObject({
        type: code,
        organisationId: z.uuid('must be a UUID'),
        accessProfile: code.optional(),
        note,
        overrideConsent: z.strictObject({ reason: z.string().trim().max(2000) }).optional(),
      }),
      response: { 201: referral, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createReferral(request.ctx, { caseId: request.params.id, ...request.body })));

  app.get('/api/referrals', {
    schema: {
      summary: "Referrals to the viewer's organisation (all referrals for registrars)",
      tags,
      querystring: z.strictObject({ status: z.enum(['requested', 'accepted', 'declined', 'completed', 'revoked']).optional() }),
      response: { 200: z.object({ items: z.array(referral) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listReferrals(request.ctx, request.query));

  const respond = (action: 'accept' | 'complete') =>
    app.post(`/api/referrals/:id/${action}`, {
      schema: { summary: `${action === 'accept' ? 'Accept' : 'Complete'} a referral to your organisation`, tags, params: uuidParam, body: z.strictObject({ note }), response: { 200: referral, ...errors(400, 401, 403, 404, 409) } },
    }, async (request) => respondToReferral(request.ctx, { id: request.params.id, action, note: request.body.note }));
  respond('accept');
  respond('complete');

  app.post('/api/referrals/:id/decline', {
    schema: { summary: 'Decline a referral to your organisation, with a reason', tags, params: uuidParam, body: z.strictObject({ reason }), response: { 200: referral, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => respondToReferral(request.ctx, { id: request.params.id, action: 'decline', reason: request.body.reason }));

  app.post('/api/referrals/:id/revoke', {
    schema: { summary: 'Revoke a referral; the receiving organisation loses access at once', tags, params: uuidParam, body: z.strictObject({ reason }), response: { 200: referral, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => revokeReferral(request.ctx, { id: request.params.id, reason: request.body.reason }));

  app.get('/api/directory/organisations', {
    schema: {
      summary: 'Active organisations to refer to',
      tags,
      querystring: z.strictObject({ type: organisationType.optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), region: z.string().nullable() })) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listDirectory(request.ctx, request.query));

  app.get('/api/nrm/profile', {
    schema: { summary: 'The code lists of the current jurisdiction profile (labels per language)', tags: ['reference data'] },
  }, async (request) => presentReferenceData(request.ctx));
}
