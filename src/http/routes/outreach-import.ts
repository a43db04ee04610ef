import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../access/can.ts';
import { DomainError } from '../../errors/catalogue.ts';
import { authenticateSource, type AuthenticatedSource } from '../../outreach-work/import/authenticate-source.ts';
import { createSource } from '../../outreach-work/import/create-source.ts';
import { getImport } from '../../outreach-work/import/get-import.ts';
import { INGEST_MAX_ADS, ingestAds } from '../../outreach-work/import/ingest-ads.ts';
import { issueSourceToken } from '../../outreach-work/import/issue-source-token.ts';
import { listImports } from '../../outreach-work/import/list-imports.ts';
import { listSources } from '../../outreach-work/import/list-sources.ts';
import { purgeAds } from '../../outreach-work/import/purge-ads.ts';
import { revokeSourceToken } from '../../outreach-work/import/revoke-source-token.ts';
import { IMPORT_MAX_BYTES, IMPORT_MEDIA_TYPES, uploadImport } from '../../outreach-work/import/upload-import.ts';
import { errors, uuidParam } from '../schemas.ts';

const tags = ['outreach import'];
const INGEST_REQUESTS_PER_MINUTE = 300;

const source = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  credential: z.object({ hint: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  ads: z.number(),
  lastImportAt: z.string().nullable(),
});

const importRun = z.object({
  id: z.string(),
  channel: z.enum(['upload', 'cli', 'api', 'demo']),
  source: z.string().nullable(),
  fileName: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  totalBytes: z.number(),
  processedBytes: z.number(),
  lines: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  malformed: z.number(),
  clustersTouched: z.number(),
  problems: z.array(z.object({ line: z.number(), message: z.string() })),
  error: z.string().nullable(),
  startedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const purgeResult = z.object({
  dryRun: z.boolean(),
  asOf: z.string(),
  cutoff: z.string(),
  retentionDays: z.number(),
  clusters: z.number(),
  ads: z.number(),
  versions: z.number(),
});

const ingestResult = z.object({
  importId: z.string(),
  received: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  malformed: z.number(),
  clustersTouched: z.number(),
  problems: z.array(z.object({ index: z.number(), message: z.string() })),
});

const mediaTypeOf = (request: FastifyRequest) => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** Refuses an upload before its body is read: no session, no grant, another media type, or too large. */
async function beforeUploadBody(request: FastifyRequest) {
  if (!request.session) throw new DomainError('UNAUTHENTICATED');
  if (request.session.stage !== 'full') throw new DomainError('SECOND_FACTOR_REQUIRED');
  if (!can(request.ctx.actor, 'import', 'outreach-ad')) throw new DomainError('FORBIDDEN');
  if (!(IMPORT_MEDIA_TYPES as readonly string[]).includes(mediaTypeOf(request))) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Send the file as ${IMPORT_MEDIA_TYPES.join(' or ')} (JSON Lines, docs/ad-format.md).`);
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > IMPORT_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `Import files are limited to ${IMPORT_MAX_BYTES / 1024 / 1024} MiB; split the file, or use \`baken outreach import\`.`);
  }
}

/** The upload route in a context of its own, reading the raw bytes (the global JSON parser is untouched elsewhere). */
async function uploadRoute(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
  app.post('/api/outreach/imports', {
    bodyLimit: IMPORT_MAX_BYTES,
    onRequest: beforeUploadBody,
    schema: {
      summary: 'Upload a JSON Lines file of ads (docs/ad-format.md) as the raw body (application/x-ndjson or application/jsonl); imported by a job, poll GET /api/outreach/imports/:id',
      tags,
      querystring: z.strictObject({ fileName: z.string().max(255).optional() }),
      response: { 202: z.object({ id: z.string() }), ...errors(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const result = await uploadImport(request.ctx, { bytes, fileName: request.query.fileName ?? null, mediaType: mediaTypeOf(request) });
    return reply.status(202).send(result);
  });
}

/** The crawlers' ingestion endpoint: a source's bearer credential, no session, no CSRF. */
async function ingestRoute(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const authenticated = new WeakMap<FastifyRequest, AuthenticatedSource>();
  app.post('/api/outreach/ingest', {
    bodyLimit: 32 * 1024 * 1024,
    config: {
      auth: 'public',
      csrf: false,
      // Per address, whatever the credential: a caller trying tokens cannot buy new allowances by varying them.
      rateLimit: { max: INGEST_REQUESTS_PER_MINUTE, timeWindow: '1 minute' },
    },
    // After the rate limit (an onRequest hook) and before the body is read or validated: a caller without
    // a valid credential learns nothing about the input's shape, and every refused attempt counts.
    preParsing: async (request, _reply, payload) => {
      authenticated.set(request, await authenticateSource(request.ctx, request.headers.authorization));
      return payload;
    },
    schema: {
      summary: `Crawlers: post up to ${INGEST_MAX_ADS} ads (docs/ad-format.md) with Authorization: Bearer <source credential>; malformed ads and ads of another source are reported by index and skipped`,
      tags,
      body: z.strictObject({ ads: z.array(z.unknown()).min(1, 'send at least one ad').max(INGEST_MAX_ADS, `send at most ${INGEST_MAX_ADS} ads per request`) }),
      response: { 200: ingestResult, ...errors(400, 401, 413, 429) },
    },
  }, async (request) => {
    const src = authenticated.get(request);
    if (!src) throw new DomainError('UNAUTHENTICATED');
    return ingestAds(request.ctx, { source: src, ads: request.body.ads });
  });
}

/** Online outreach (import): sources and their credentials, uploads with progress, ingestion, retention purge. */
export async function outreachImportRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  await app.register(uploadRoute);
  await app.register(ingestRoute);

  app.get('/api/outreach/sources', {
    schema: { summary: 'Sources of ads with their credential hint (never the credential)', tags, response: { 200: z.object({ items: z.array(source) }), ...errors(401, 403) } },
  }, async (request) => listSources(request.ctx));

  app.post('/api/outreach/sources', {
    schema: {
      summary: 'Add a source; its code is the `source` value of its ads',
      tags,
      body: z.strictObject({ code: z.string().max(100), name: z.string().max(300) }),
      response: { 201: source, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createSource(request.ctx, request.body)));

  app.post('/api/outreach/sources/:id/credential', {
    schema: {
      summary: 'Issue (or rotate) the ingestion credential of a source: the token is in this answer only',
      tags,
      params: uuidParam,
      response: { 201: z.object({ source, token: z.string() }), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(await issueSourceToken(request.ctx, { id: request.params.id }));
  });

  app.delete('/api/outreach/sources/:id/credential', {
    schema: { summary: "Revoke a source's ingestion credential", tags, params: uuidParam, response: { 200: source, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => revokeSourceToken(request.ctx, { id: request.params.id }));

  app.get('/api/outreach/imports', {
    schema: {
      summary: 'Recent import runs, newest first',
      tags,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
      response: { 200: z.object({ items: z.array(importRun) }), ...errors(400, 401, 403) },
    },
  }, async (request) => listImports(request.ctx, request.query));

  app.get('/api/outreach/imports/:id', {
    schema: { summary: 'One import run with its progress', tags, params: uuidParam, response: { 200: importRun, ...errors(400, 401, 403, 404) } },
  }, async (request) => getImport(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/purge', {
    schema: {
      summary: 'Purge ads of people never contacted after the retention period (dryRun: only count); audited',
      tags,
      body: z.strictObject({ dryRun: z.boolean() }),
      response: { 200: purgeResult, ...errors(400, 401, 403) },
    },
  }, async (request) => purgeAds(request.ctx, request.body));
}
