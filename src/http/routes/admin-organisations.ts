import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrganisation } from '../../organisations/create-organisation.ts';
import { listOrganisations } from '../../organisations/list-organisations.ts';
import { updateOrganisation } from '../../organisations/update-organisation.ts';
import { errors, organisation, organisationType, uuidParam } from '../schemas.ts';

const name = z.string().trim().min(2, 'must be at least 2 characters').max(200);
const region = z.string().trim().max(100).nullable();

export async function adminOrganisationRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  app.get('/api/admin/organisations', {
    schema: { summary: 'All organisations with their number of users', tags, response: { 200: z.object({ items: z.array(organisation) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await listOrganisations(request.ctx) }));

  app.post('/api/admin/organisations', {
    schema: {
      summary: 'Add an organisation',
      tags,
      body: z.strictObject({ name, type: organisationType, region: region.optional() }),
      response: { 201: organisation, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createOrganisation(request.ctx, request.body)));

  app.patch('/api/admin/organisations/:id', {
    schema: {
      summary: 'Rename, move or (de)activate an organisation',
      tags,
      params: uuidParam,
      body: z.strictObject({ name: name.optional(), region: region.optional(), active: z.boolean().optional() }),
      response: { 200: organisation, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateOrganisation(request.ctx, { id: request.params.id, ...request.body }));
}
