import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handOverContact } from '../../outreach-work/handover/hand-over-contact.ts';
import { readHandover } from '../../outreach-work/handover/read-handover.ts';
import { code, personInput } from '../nrm-schemas.ts';
import { errorBody, errors, uuidParam } from '../schemas.ts';

const handedOver = z.object({ signalId: z.string(), signalNumber: z.string() });

/** Online outreach: handing a person who wants help over to the central information point, with consent. */
export async function outreachHandoverRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/outreach/contacts/:id/handover', {
    schema: {
      summary: 'Hand a person who wants help over as a signal (channel outreach, consent); a contact is handed over once (409 with the existing signal)',
      tags: ['online outreach'],
      params: uuidParam,
      body: z.strictObject({
        consentConfirmed: z.boolean({ error: 'must be true: the person agreed to be handed over' }),
        person: personInput,
        description: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
        acuteDanger: z.boolean(),
        minorInvolved: z.boolean(),
        indicators: z.array(code).max(100).optional(),
        forms: z.array(code).max(20).optional(),
        sector: code.optional(),
        region: code.optional(),
        place: z.string().trim().max(200, 'must be at most 200 characters').optional(),
      }),
      response: { 201: handedOver, 409: errorBody.extend(handedOver.partial().shape), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const result = await handOverContact(request.ctx, { contactId: request.params.id, ...request.body });
    if (result.created) return reply.status(201).send({ signalId: result.signalId, signalNumber: result.signalNumber });
    return reply.status(409).send({
      error: { code: 'CONFLICT', message: `This contact was already handed over as signal ${result.signalNumber}.`, requestId: request.id, problems: [] },
      signalId: result.signalId,
      signalNumber: result.signalNumber,
    });
  });

  app.get('/api/outreach/contacts/:id/handover', {
    schema: {
      summary: 'The signal a contact was handed over as: number and status (404 while not handed over)',
      tags: ['online outreach'],
      params: uuidParam,
      response: {
        200: z.object({ contactId: z.string(), signalId: z.string(), signalNumber: z.string(), status: z.string(), handedOverAt: z.string(), handedOverByName: z.string().nullable() }),
        ...errors(401, 403, 404),
      },
    },
  }, async (request) => readHandover(request.ctx, { contactId: request.params.id }));
}
