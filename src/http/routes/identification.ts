import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideIdentificationReview } from '../../identification/decide-identification-review.ts';
import { REASONS_MAX } from '../../identification/decision-input.ts';
import { listCaseMilestones } from '../../identification/list-case-milestones.ts';
import { listIdentification } from '../../identification/list-identification.ts';
import { recordCaseMilestone } from '../../identification/record-case-milestone.ts';
import { recordIdentificationDecision } from '../../identification/record-identification-decision.ts';
import { requestIdentificationReview } from '../../identification/request-identification-review.ts';
import { requestIdentification } from '../../identification/request-identification.ts';
import { code, day } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

const label = z.record(z.string(), z.string()).nullable();
const at = z.string();

const clockInfo = z.object({ id: z.string(), code: z.string(), label, state: z.string(), dueAt: at, overdue: z.boolean() }).nullable();

const decision = z.object({
  id: z.string(),
  kind: z.enum(['decision', 'review']),
  review: z.object({ code: z.string(), label, kind: z.string().nullable() }).nullable(),
  reviewsDecisionId: z.string().nullable(),
  status: z.enum(['requested', 'decided']),
  outcome: z.string().nullable(),
  outcomeLabel: label,
  decisionBody: z.string(),
  decisionBodyLabel: label,
  decidedOn: z.string().nullable(),
  requestedAt: at.nullable(),
  recordedAt: at,
  recordedByName: z.string().nullable(),
  reasons: z.string().nullable(),
  reasonsHidden: z.boolean(),
  documents: z.array(z.object({ id: z.string(), documentType: z.string().nullable(), uploadedAt: at.nullable(), removed: z.boolean() })),
});

const procedure = z.object({
  id: z.string(),
  stage: z.string(),
  stageLabel: label,
  status: z.enum(['open', 'decided', 'withdrawn']),
  awaiting: z.enum(['decision', 'review-decision']).nullable(),
  decisionBody: z.string(),
  decisionBodyLabel: label,
  bodyOrganisationId: z.string().nullable(),
  bodyOrganisationName: z.string().nullable(),
  requestedAt: at,
  requestedByName: z.string().nullable(),
  closedAt: at.nullable(),
  clock: clockInfo,
  decisions: z.array(decision),
  reviews: z.array(z.object({ code: z.string(), label, kind: z.string(), available: z.boolean(), unavailableReason: z.string().nullable(), windowDueAt: at.nullable() })),
});

const identification = z.object({
  caseId: z.string(),
  caseStatus: z.string(),
  profile: z.object({ id: z.string(), version: z.string() }),
  stages: z.array(
    z.object({
      code: z.string(),
      label,
      decisionBody: z.object({ code: z.string(), label, organisationType: z.string().nullable(), binding: z.boolean().nullable() }),
      outcomes: z.array(z.object({ code: z.string(), label })),
      reviews: z.array(z.object({ code: z.string(), label, kind: z.string() })),
      requestable: z.boolean(),
      notRequestableReason: z.string().nullable(),
    }),
  ),
  status: z.array(
    z.object({
      stage: z.string(),
      stageLabel: label,
      outcome: z.string(),
      outcomeLabel: label,
      htcdsStatus: z.string().nullable(),
      decidedOn: z.string().nullable(),
      binding: z.boolean().nullable(),
      afterReview: z.object({ code: z.string(), label }).nullable(),
    }),
  ),
  procedures: z.array(procedure),
  documents: z.array(z.object({ id: z.string(), documentType: z.string(), uploadedAt: at })),
});

const decisionBody = z.strictObject({
  outcome: code,
  decisionBody: code.optional(),
  decidedOn: day,
  reasons: z.string().trim().min(1, 'is required').max(REASONS_MAX, `must be at most ${REASONS_MAX} characters`),
  documentIds: z.array(z.uuid('must be a UUID')).max(50).optional(),
});

const milestone = z.object({ id: z.string(), event: z.string(), label, at, recordedByName: z.string().nullable() });

/** Identification procedures, decisions and reviews; case milestones. See docs/identification.md. */
export async function identificationRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['identification'];

  app.get('/api/cases/:id/identification', {
    schema: {
      summary: "A case's identification: stages, victim status per stage, procedures with decisions and reviews (audited)",
      tags,
      params: uuidParam,
      response: { 200: identification, ...errors(401, 403, 404) },
    },
  }, async (request) => listIdentification(request.ctx, { caseId: request.params.id }));

  app.post('/api/cases/:id/identification', {
    schema: {
      summary: "Ask the deciding body to decide a stage; its organisation sees the case until the decision",
      tags,
      params: uuidParam,
      body: z.strictObject({ stage: code, organisationId: z.uuid('must be a UUID').optional() }),
      response: { 201: procedure, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await requestIdentification(request.ctx, { caseId: request.params.id, ...request.body })));

  app.post('/api/identification/procedures/:id/decision', {
    schema: {
      summary: 'Record the decision of an open procedure (outcome, body, date, reasons, documents relied on)',
      tags,
      params: uuidParam,
      body: decisionBody,
      response: { 200: procedure, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => recordIdentificationDecision(request.ctx, { procedureId: request.params.id, ...request.body }));

  app.post('/api/identification/procedures/:id/reviews', {
    schema: {
      summary: 'Ask for a review (reconsideration, appeal) of the decision, within its window; its own clock starts',
      tags,
      params: uuidParam,
      body: z.strictObject({ review: code.optional() }),
      response: { 201: procedure, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await requestIdentificationReview(request.ctx, { procedureId: request.params.id, ...request.body })));

  app.post('/api/identification/reviews/:id/decision', {
    schema: {
      summary: 'Decide a pending review',
      tags,
      params: uuidParam,
      body: decisionBody,
      response: { 200: procedure, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => decideIdentificationReview(request.ctx, { reviewId: request.params.id, ...request.body }));

  app.get('/api/cases/:id/milestones', {
    schema: {
      summary: 'The milestones that may be recorded on this case, and those recorded so far (grant case:record-event)',
      tags,
      params: uuidParam,
      response: { 200: z.object({ caseStatus: z.string(), allowed: z.array(z.object({ code: z.string(), label })), items: z.array(milestone) }), ...errors(401, 403, 404) },
    },
  }, async (request) => listCaseMilestones(request.ctx, { caseId: request.params.id }));

  app.post('/api/cases/:id/events', {
    schema: {
      summary: 'Record a case milestone (a profile event no other operation records); it drives the clocks',
      tags,
      params: uuidParam,
      body: z.strictObject({ event: code }),
      response: { 201: milestone, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await recordCaseMilestone(request.ctx, { caseId: request.params.id, event: request.body.event })));
}
