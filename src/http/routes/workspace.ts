import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../errors/catalogue.ts';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from '../../workspace/documents/document-types.ts';
import { downloadDocument } from '../../workspace/documents/download-document.ts';
import { contentDisposition } from '../../workspace/documents/file-name.ts';
import { listDocuments } from '../../workspace/documents/list-documents.ts';
import { unsupportedMediaType } from '../../workspace/documents/media-types.ts';
import { removeDocument } from '../../workspace/documents/remove-document.ts';
import { uploadDocument } from '../../workspace/documents/upload-document.ts';
import { listNotes } from '../../workspace/notes/list-notes.ts';
import { writeNote } from '../../workspace/notes/write-note.ts';
import { createTask } from '../../workspace/tasks/create-task.ts';
import { listTaskAssignees } from '../../workspace/tasks/list-task-assignees.ts';
import { TASK_KINDS } from '../../workspace/tasks/task-kinds.ts';
import { listTimeline, TIMELINE_MAX_LIMIT } from '../../workspace/timeline/list-timeline.ts';
import { VISIBILITIES } from '../../workspace/visibility.ts';
import { assignedTask, day } from '../nrm-schemas.ts';
import { errors, uuidParam } from '../schemas.ts';

const visibility = z.enum(VISIBILITIES);
const actor = z.object({ name: z.string().nullable(), organisationName: z.string().nullable() }).nullable();
const label = z.record(z.string(), z.string()).nullable();

const note = z.object({ id: z.string(), caseId: z.string(), visibility, body: z.string().nullable(), author: actor, mine: z.boolean(), createdAt: z.string() });

const document = z.object({
  id: z.string(),
  caseId: z.string(),
  documentType: z.string(),
  visibility,
  fileName: z.string().nullable(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: actor,
  uploadedAt: z.string(),
  mine: z.boolean(),
  removed: z.object({ at: z.string(), by: actor, reason: z.string().nullable() }).nullable(),
  mayRemove: z.boolean(),
});

const timelineEntry = z.object({
  id: z.string(),
  category: z.enum(['case', 'consent', 'referral', 'identification', 'investigation', 'clock', 'note', 'document']),
  at: z.string(),
  code: z.string(),
  label,
  actor,
  actorKind: z.enum(['user', 'system', 'anonymous']),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  key: z.string(),
});


const assignee = z.union([
  z.strictObject({ userId: z.uuid('must be a UUID') }),
  z.strictObject({ role: z.string().min(1).max(100), organisationId: z.uuid('must be a UUID').nullable().optional() }),
]);

const uploadQuery = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  visibility,
  fileName: z.string().min(1, 'is required').max(1000),
});

/** Refuses an upload before its body is read: no session, or a declared size over the limit. */
async function beforeUploadBody(request: FastifyRequest) {
  if (!request.session) throw new DomainError('UNAUTHENTICATED');
  if (request.session.stage !== 'full') throw new DomainError('SECOND_FACTOR_REQUIRED');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > DOCUMENT_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `Documents are limited to ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB; this upload has ${(declared / 1024 / 1024).toFixed(1)} MB.`);
  }
}

/**
 * The upload route in a context of its own: every body is read as raw bytes (the operation checks
 * the media type against the content), with a per-route body limit. Encapsulated, so the global
 * strict JSON parser of every other route is untouched.
 */
async function documentUploadRoute(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.post('/api/cases/:id/documents', {
    bodyLimit: DOCUMENT_MAX_BYTES,
    onRequest: beforeUploadBody,
    schema: {
      summary: 'Upload a document: the raw file as the body, its media type as Content-Type (PDF, PNG, JPEG, plain text, .docx, .odt; at most 10 MB)',
      tags: ['workspace'],
      params: uuidParam,
      querystring: uploadQuery,
      response: { 201: document, ...errors(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const contentType = request.headers['content-type'] ?? '';
    if (!Buffer.isBuffer(request.body)) throw unsupportedMediaType(contentType);
    const result = await uploadDocument(request.ctx, {
      caseId: request.params.id,
      documentType: request.query.type,
      visibility: request.query.visibility,
      fileName: request.query.fileName,
      mediaType: contentType,
      bytes: request.body,
    });
    return reply.status(201).send(result);
  });
}

/** The case workspace: timeline, notes, documents and tasks (docs/case-workspace.md). */
export async function workspaceRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];
  await app.register(documentUploadRoute);

  app.get('/api/cases/:id/notes', {
    schema: { summary: 'Notes of a case the viewer may see, newest first (audited)', tags, params: uuidParam, response: { 200: z.object({ items: z.array(note) }), ...errors(400, 401, 403, 404) } },
  }, async (request) => listNotes(request.ctx, { caseId: request.params.id }));

  app.post('/api/cases/:id/notes', {
    schema: {
      summary: 'Add a note (immutable) with a visibility: organisation, involved or registrar',
      tags,
      params: uuidParam,
      body: z.strictObject({ visibility, body: z.string().max(20_000) }),
      response: { 201: note, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await writeNote(request.ctx, { caseId: request.params.id, ...request.body })));

  app.get('/api/cases/:id/documents', {
    schema: { summary: 'Documents of a case the viewer may see, metadata only (audited)', tags, params: uuidParam, response: { 200: z.object({ items: z.array(document) }), ...errors(400, 401, 403, 404) } },
  }, async (request) => listDocuments(request.ctx, { caseId: request.params.id }));

  app.get('/api/documents/:id/content', {
    schema: { summary: "Download a document's content (audited)", tags, params: uuidParam, response: errors(400, 401, 403, 404) },
  }, async (request, reply) => {
    const file = await downloadDocument(request.ctx, { id: request.params.id });
    return reply
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .type(file.mediaType)
      // Raw bytes: the response schema lists only the error bodies, which are JSON.
      .send(file.bytes as never);
  });

  app.post('/api/documents/:id/remove', {
    schema: {
      summary: "Remove a document (soft, with a reason): the uploader's organisation or the registrar",
      tags,
      params: uuidParam,
      body: z.strictObject({ reason: z.string().max(5000) }),
      response: { 200: document, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => removeDocument(request.ctx, { id: request.params.id, reason: request.body.reason }));

  app.get('/api/cases/:id/timeline', {
    schema: {
      summary: 'Everything that happened in the case, filtered to what the viewer may see (audited); pass nextCursor as cursor for more',
      tags,
      params: uuidParam,
      querystring: z.strictObject({
        order: z.enum(['asc', 'desc']).optional(),
        limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).optional(),
        cursor: z.string().max(300).optional(),
      }),
      response: { 200: z.object({ items: z.array(timelineEntry), nextCursor: z.string().nullable() }), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => listTimeline(request.ctx, { caseId: request.params.id, ...request.query }));

  app.get('/api/cases/:id/task-assignees', {
    schema: {
      summary: 'Who a new task for this case can be assigned to',
      tags,
      params: uuidParam,
      response: {
        200: z.object({
          roles: z.array(z.object({ id: z.string(), name: z.string(), needsOrganisation: z.boolean() })),
          organisations: z.array(z.object({ id: z.string(), name: z.string() })),
          people: z.array(z.object({ id: z.string(), name: z.string(), organisationName: z.string(), roleId: z.string(), roleName: z.string() })),
        }),
        ...errors(400, 401, 403, 404),
      },
    },
  }, async (request) => listTaskAssignees(request.ctx, { caseId: request.params.id }));

  app.post('/api/cases/:id/tasks', {
    schema: {
      summary: 'Create a task by hand, for a role (in an organisation) or a named person',
      tags,
      params: uuidParam,
      body: z.strictObject({ kind: z.enum(TASK_KINDS), assignee, dueDate: day, note: z.string().max(10_000).nullable().optional() }),
      response: { 201: assignedTask, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createTask(request.ctx, { caseId: request.params.id, ...request.body })));
}
