import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideSignal } from '../../intake/decide-signal.ts';
import { listMySignals } from '../../intake/list-my-signals.ts';
import { listTriageQueue } from '../../intake/list-triage-queue.ts';
import { readSignal } from '../../intake/read-signal.ts';
import { submitSignal } from '../../intake/submit-signal.ts';
import { code, ownSignal, personInput, queueItem, reason, registrationInput, signalDetail } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

/** Signals from professionals, and the registrars' triage. */
export async function signalRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['signals and triage'];

  app.post('/api/signals', {
    schema: {
      summary: 'Submit a signal about a possible victim (idempotent per clientRequestId: a retry answers 200 with the same signal)',
      tags,
      body: z.strictObject({
        clientRequestId: z.uuid('must be a UUID made once per form'),
        person: personInput,
        indicators: z.array(code).max(100),
        forms: z.array(code).max(20),
        sector: code.optional(),
        region: code.optional(),
        place: z.string().trim().max(200).optional(),
        acuteDanger: z.boolean(),
        minorInvolved: z.boolean(),
        description: z.string().trim().min(1, 'is required').max(10_000),
        legalBasis: z.enum(['statutory-task', 'consent']),
        consentConfirmed: z.boolean().optional(),
      }),
      response: { 200: ownSignal, 201: ownSignal, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { signal, created } = await submitSignal(request.ctx, request.body);
    return reply.status(created ? 201 : 200).send(signal);
  });

  app.get('/api/signals/mine', {
    schema: { summary: 'The signals I submitted, with their status', tags, response: { 200: z.object({ items: z.array(ownSignal) }), ...errors(401, 403) } },
  }, async (request) => listMySignals(request.ctx));

  app.get('/api/triage', {
    schema: {
      summary: 'The triage queue: acute danger first, then minors, then oldest',
      tags,
      querystring: z.strictObject({ status: z.enum(['open', 'decided', 'all']).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
      response: { 200: z.object({ items: z.array(queueItem) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listTriageQueue(request.ctx, request.query));

  app.get('/api/signals/:id', {
    schema: { summary: 'A signal in full, with possible duplicates (audited)', tags, params: uuidParam, response: { 200: signalDetail, ...errors(401, 403, 404) } },
  }, async (request) => readSignal(request.ctx, { id: request.params.id }));

  app.post('/api/signals/:id/decision', {
    schema: {
      summary: 'Decide on a signal: register a presumed victim, information and advice only, no indication, or merge into a case',
      tags,
      params: uuidParam,
      body: z.discriminatedUnion('decision', [
        z.strictObject({ decision: z.literal('register'), registration: registrationInput }),
        z.strictObject({ decision: z.literal('advice-only'), reason }),
        z.strictObject({ decision: z.literal('no-indication'), reason }),
        z.strictObject({ decision: z.literal('merge'), caseId: z.uuid('must be a UUID'), reason: z.string().trim().max(2000).optional() }),
      ]),
      response: { 200: signalDetail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => decideSignal(request.ctx, { id: request.params.id, ...request.body }));
}
