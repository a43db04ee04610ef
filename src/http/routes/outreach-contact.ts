import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmSent } from '../../outreach-work/contact/confirm-sent.ts';
import { createContact } from '../../outreach-work/contact/create-contact.ts';
import { getContact } from '../../outreach-work/contact/get-contact.ts';
import { listContacts } from '../../outreach-work/contact/list-contacts.ts';
import { OPT_OUT_VIA, recordOptOut } from '../../outreach-work/contact/record-opt-out.ts';
import { OUTCOME_NOTE_MAX, OUTCOMES, recordOutcome } from '../../outreach-work/contact/record-outcome.ts';
import { revealContactPhone } from '../../outreach-work/contact/reveal-contact-phone.ts';
import { OUTREACH_LANGUAGES } from '../../outreach-work/contact/safety-words.ts';
import { approveTemplate } from '../../outreach-work/contact/templates/approve-template.ts';
import { checkTemplateText } from '../../outreach-work/contact/templates/check-template-text.ts';
import { createTemplate } from '../../outreach-work/contact/templates/create-template.ts';
import { listTemplates } from '../../outreach-work/contact/templates/list-templates.ts';
import { retireTemplate } from '../../outreach-work/contact/templates/retire-template.ts';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX } from '../../outreach-work/contact/templates/template-input.ts';
import { updateTemplate } from '../../outreach-work/contact/templates/update-template.ts';
import { errors, uuidParam } from '../schemas.ts';

const clusterId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a cluster id (letters, digits, - and _)');
const phoneToken = z.string().regex(/^[0-9a-f]{32}$/, 'must be a phone token (32 hexadecimal digits)');
const language = z.enum(OUTREACH_LANGUAGES);
const outcome = z.enum(OUTCOMES);
const channel = z.enum(['sms', 'messaging-app', 'call']);
const delivery = z.enum(['queued', 'sent', 'failed', 'logged']);
const templateStatus = z.enum(['draft', 'approved', 'retired']);

const problem = z.object({ code: z.string(), message: z.string(), word: z.string().optional(), language: z.string().optional() });

const template = z.object({
  id: z.string(),
  language: z.string(),
  name: z.string(),
  body: z.string(),
  status: templateStatus,
  problems: z.array(problem),
  preview: z.string(),
  length: z.number(),
  createdByName: z.string().nullable(),
  mine: z.boolean(),
  approvedByName: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  mayApprove: z.boolean(),
});

const summary = z.object({
  id: z.string(),
  clusterId: z.string().nullable(),
  phoneHint: z.string(),
  channel,
  language: z.string(),
  templateId: z.string().nullable(),
  delivery,
  deliveryError: z.string().nullable(),
  outcome: outcome.nullable(),
  outcomeAt: z.string().nullable(),
  followUpAt: z.string().nullable(),
  followUpDue: z.boolean(),
  signalId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});

const contact = summary.extend({
  templateName: z.string().nullable(),
  message: z.string().nullable(),
  provider: z.string(),
  optedOut: z.boolean(),
  awaitingManualSend: z.boolean(),
  events: z.array(z.object({ id: z.string(), at: z.string(), event: z.string(), outcome: z.string().nullable(), note: z.string().nullable(), actorName: z.string().nullable() })),
});

const templateBody = {
  name: z.string().max(TEMPLATE_NAME_MAX * 2),
  body: z.string().max(TEMPLATE_BODY_MAX, `must be at most ${TEMPLATE_BODY_MAX} characters`),
};

/** Online outreach: safe contact (templates, contacts, outcomes, opt-outs). docs/outreach-contact.md. */
export async function outreachContactRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['outreach contact'];

  app.get('/api/outreach/templates', {
    schema: {
      summary: 'Message templates, by language and status, each with its safety problems checked now and the exact message it makes',
      tags,
      querystring: z.strictObject({ language: language.optional(), status: templateStatus.optional() }),
      response: { 200: z.object({ items: z.array(template) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listTemplates(request.ctx, request.query));

  app.post('/api/outreach/templates', {
    schema: {
      summary: 'A new draft template; refused when it breaks a safety rule (one problem per rule, at body.body)',
      tags,
      body: z.strictObject({ language, ...templateBody }),
      response: { 201: template, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await createTemplate(request.ctx, request.body)));

  app.post('/api/outreach/templates/check', {
    schema: {
      summary: 'Live safety check of a template text: every problem, and the message as it would be sent',
      tags,
      body: z.strictObject({ language: z.string().max(10), body: templateBody.body }),
      response: { 200: z.object({ problems: z.array(problem), preview: z.string(), length: z.number(), limit: z.number(), sms: z.object({ encoding: z.enum(['gsm-7', 'ucs-2']), parts: z.number() }) }), ...errors(400, 401, 403) },
    },
  }, async (request) => checkTemplateText(request.ctx, request.body));

  app.patch('/api/outreach/templates/:id', {
    schema: {
      summary: 'Edit a draft template (an approved or retired one is never changed: write a new one)',
      tags,
      params: uuidParam,
      body: z.strictObject({ language: language.optional(), name: templateBody.name.optional(), body: templateBody.body.optional() }),
      response: { 200: template, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateTemplate(request.ctx, { id: request.params.id, ...request.body }));

  app.post('/api/outreach/templates/:id/approve', {
    schema: {
      summary: 'Approve a draft: a second outreach worker, never its author (four-eyes rule); safety rules checked again',
      tags,
      params: uuidParam,
      response: { 200: template, ...errors(401, 403, 404, 409, 422) },
    },
  }, async (request) => approveTemplate(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/templates/:id/retire', {
    schema: { summary: 'Take a template out of use for good', tags, params: uuidParam, response: { 200: template, ...errors(401, 403, 404, 409) } },
  }, async (request) => retireTemplate(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/contacts', {
    schema: {
      summary: 'Contact one number of a cluster: a first message from an approved template (queued) or a call logged by hand',
      description: 'The opt-out register is checked first: an opted-out number answers 409 OPTED_OUT and nothing is stored. Calls take no template.',
      tags,
      body: z.strictObject({ clusterId, phoneToken, channel, language, templateId: z.uuid('must be a UUID').optional() }),
      response: { 201: contact, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await createContact(request.ctx, request.body)));

  app.get('/api/outreach/contacts', {
    schema: {
      summary: 'Contacts of your team: due follow-ups first, then the most recent (audited)',
      tags,
      querystring: z.strictObject({
        followUpDue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        outcome: z.enum([...OUTCOMES, 'none']).optional(),
        clusterId: clusterId.optional(),
      }),
      response: { 200: z.object({ items: z.array(summary) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listContacts(request.ctx, request.query));

  app.get('/api/outreach/contacts/:id', {
    schema: { summary: 'One contact with its message and outcome history (audited)', tags, params: uuidParam, response: { 200: contact, ...errors(401, 403, 404) } },
  }, async (request) => getContact(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/contacts/:id/outcome', {
    schema: {
      summary: 'Record the outcome, with an optional note (encrypted) and follow-up reminder',
      tags,
      params: uuidParam,
      body: z.strictObject({
        outcome,
        note: z.string().max(OUTCOME_NOTE_MAX, `must be at most ${OUTCOME_NOTE_MAX} characters`).optional(),
        followUpAt: z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-12-01T10:00:00Z' }).optional(),
      }),
      response: { 200: contact, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => recordOutcome(request.ctx, { id: request.params.id, ...request.body }));

  app.post('/api/outreach/contacts/:id/reveal', {
    schema: { summary: 'The phone number itself (audited)', tags, params: uuidParam, response: { 200: z.object({ phone: z.string() }), ...errors(401, 403, 404) } },
  }, async (request) => revealContactPhone(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/contacts/:id/opt-out', {
    schema: {
      summary: 'The person does not want contact: recorded for good, queued messages to the number cancelled (idempotent)',
      tags,
      params: uuidParam,
      body: z.strictObject({ via: z.enum(OPT_OUT_VIA) }),
      response: {
        200: z.object({ optedOut: z.literal(true), alreadyRecorded: z.boolean(), recordedAt: z.string(), via: z.string(), cancelled: z.number() }),
        ...errors(400, 401, 403, 404),
      },
    },
  }, async (request) => recordOptOut(request.ctx, { id: request.params.id, via: request.body.via }));

  app.post('/api/outreach/contacts/:id/sent', {
    schema: {
      summary: 'Outbox: confirm that the message was sent by hand from the programme\u2019s phone',
      tags,
      params: uuidParam,
      response: { 200: contact, ...errors(401, 403, 404, 409) },
    },
  }, async (request) => confirmSent(request.ctx, { id: request.params.id }));
}
