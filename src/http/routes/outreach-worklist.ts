import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignCluster } from '../../outreach-work/worklist/assign-cluster.ts';
import { claimCluster } from '../../outreach-work/worklist/claim-cluster.ts';
import { CLUSTERS_MAX_LIMIT, listClusters } from '../../outreach-work/worklist/list-clusters.ts';
import { listOutreachWorkers } from '../../outreach-work/worklist/list-outreach-workers.ts';
import { listToday, TODAY_MAX_SIZE, TODAY_MIN_SIZE } from '../../outreach-work/worklist/list-today.ts';
import { readCluster } from '../../outreach-work/worklist/read-cluster.ts';
import { releaseCluster } from '../../outreach-work/worklist/release-cluster.ts';
import { revealClusterPhone } from '../../outreach-work/worklist/reveal-cluster-phone.ts';
import { day } from '../nrm-schemas.ts';
import { errors } from '../schemas.ts';

const clusterId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a cluster id (letters, digits, - and _)');
const phoneToken = z.string().regex(/^[0-9a-f]{32}$/, 'must be a phone token (32 hexadecimal digits)');
const clusterParams = z.strictObject({ id: clusterId });

const reason = z.object({ code: z.string(), weight: z.number(), evidence: z.string() });
const claimedBy = z.object({ id: z.string(), name: z.string(), me: z.boolean() }).nullable();
const summary = z.object({
  id: z.string(),
  score: z.number(),
  reasons: z.array(reason),
  size: z.number(),
  personas: z.number(),
  cities: z.array(z.string()),
  moves: z.number(),
  phones: z.number(),
  languages: z.array(z.string()),
  minorRisk: z.boolean(),
  firstPostedAt: z.string().nullable(),
  lastPostedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  claimedBy,
  claimedAt: z.string().nullable(),
});

const ad = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  title: z.string().nullable(),
  body: z.string().nullable(),
  url: z.string().nullable(),
  city: z.string().nullable(),
  age: z.number().nullable(),
  language: z.string(),
  postedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  adScore: z.number().nullable(),
  personas: z.array(z.string()),
  indicators: z.array(z.object({
    code: z.string(), weight: z.number(), evidence: z.string(), field: z.enum(['title', 'body']).nullable(), start: z.number().nullable(), end: z.number().nullable(),
  })),
});

const node = z.object({
  id: z.string(),
  kind: z.enum(['ad', 'phone', 'email', 'handle', 'photo']),
  label: z.string(),
  adId: z.string().optional(),
  ads: z.number().optional(),
  token: z.string().optional(),
});

const clusterPage = z.object({
  cluster: summary,
  adsTotal: z.number(),
  ads: z.array(ad),
  template: z.object({
    segments: z.array(z.object({ text: z.string(), kind: z.enum(['fixed', 'slot']), variants: z.array(z.string()).optional() })),
    ads: z.number(),
    referenceShare: z.number(),
  }),
  graph: z.object({ nodes: z.array(node), edges: z.array(z.object({ from: z.string(), to: z.string() })), truncated: z.boolean() }),
  timeline: z.array(z.object({ adId: z.string(), postedAt: z.string(), city: z.string().nullable() })),
  phones: z.array(z.object({
    token: z.string(), hint: z.string(), ads: z.number(), obfuscated: z.boolean(), optedOut: z.boolean(), lastContactAt: z.string().nullable(), lastPostedAt: z.string().nullable(),
  })),
});

const todayItem = z.object({
  clusterId: z.string(),
  score: z.number(),
  reasons: z.array(reason),
  phoneToken: z.string(),
  phoneHint: z.string(),
  language: z.string(),
  city: z.string().nullable(),
  lastPostedAt: z.string().nullable(),
  lastActiveAt: z.string(),
  claimedBy,
});

/** Online outreach: the worklist of clusters, the cluster page, claims and today's contact list (docs/outreach-worklist.md). */
export async function outreachWorklistRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['outreach'];

  app.get('/api/outreach/clusters', {
    schema: {
      summary: 'Clusters ranked by risk with their reasons (identifiers masked), filters and a cursor (audited)',
      tags,
      querystring: z.strictObject({
        city: z.string().trim().min(1).max(100).optional(),
        language: z.string().trim().regex(/^[a-z]{2,3}$/i, 'must be a language code such as nl or en').optional(),
        minorRisk: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        newSince: day.optional(),
        claim: z.enum(['mine', 'unclaimed', 'all']).optional(),
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(CLUSTERS_MAX_LIMIT).optional(),
      }),
      response: {
        200: z.object({ items: z.array(summary), nextCursor: z.string().nullable(), facets: z.object({ cities: z.array(z.string()), languages: z.array(z.string()) }) }),
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => listClusters(request.ctx, request.query));

  app.get('/api/outreach/clusters/:id', {
    schema: { summary: 'A cluster: ads, template with slots, identifier graph, cities timeline, phones (audited)', tags, params: clusterParams, response: { 200: clusterPage, ...errors(400, 401, 403, 404) } },
  }, async (request) => readCluster(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/clusters/:id/claim', {
    schema: { summary: 'Claim a cluster for yourself (audited)', tags, params: clusterParams, response: { 200: summary, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => claimCluster(request.ctx, { id: request.params.id }));

  app.delete('/api/outreach/clusters/:id/claim', {
    schema: { summary: 'Release a claim: the claimer, or someone who may assign (audited)', tags, params: clusterParams, response: { 200: summary, ...errors(400, 401, 403, 404) } },
  }, async (request) => releaseCluster(request.ctx, { id: request.params.id }));

  app.post('/api/outreach/clusters/:id/assign', {
    schema: {
      summary: 'Assign a cluster to an active outreach worker of your organisation (audited)',
      tags,
      params: clusterParams,
      body: z.strictObject({ userId: z.uuid('must be a UUID') }),
      response: { 200: summary, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => assignCluster(request.ctx, { id: request.params.id, userId: request.body.userId }));

  app.post('/api/outreach/clusters/:id/phones/:token/reveal', {
    schema: {
      summary: 'Show one phone number of a cluster (E.164); every reveal is audited',
      tags,
      params: z.strictObject({ id: clusterId, token: phoneToken }),
      response: { 200: z.object({ phone: z.string() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => revealClusterPhone(request.ctx, { clusterId: request.params.id, token: request.params.token }));

  app.get('/api/outreach/today', {
    schema: {
      summary: "Today's contact list: the most urgent numbers active now (audited)",
      tags,
      querystring: z.strictObject({ size: z.coerce.number().int().min(TODAY_MIN_SIZE).max(TODAY_MAX_SIZE).optional() }),
      response: {
        200: z.object({ activeHours: z.number(), recontactDays: z.number(), generatedAt: z.string(), items: z.array(todayItem) }),
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => listToday(request.ctx, request.query));

  app.get('/api/outreach/workers', {
    schema: {
      summary: 'Active outreach workers of your organisation (to assign clusters to)',
      tags,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), me: z.boolean() })) }), ...errors(401, 403) },
    },
  }, async (request) => listOutreachWorkers(request.ctx));
}
