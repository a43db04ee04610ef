import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser } from '../../users/create-user.ts';
import { listUsers } from '../../users/list-users.ts';
import { updateUser } from '../../users/update-user.ts';
import { displayName, email, errors, password, user, uuidParam } from '../schemas.ts';

const roleId = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a role id');

export async function adminUserRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  app.get('/api/admin/users', {
    schema: {
      summary: 'Staff accounts, optionally of one organisation or matching a search',
      tags,
      querystring: z.strictObject({ organisationId: z.uuid().optional(), q: z.string().trim().max(100).optional() }),
      response: { 200: z.object({ items: z.array(user) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await listUsers(request.ctx, request.query) }));

  app.post('/api/admin/users', {
    schema: {
      summary: 'Create a staff account with an initial password',
      tags,
      body: z.strictObject({ email, displayName, organisationId: z.uuid('must be a UUID'), roleId, password }),
      response: { 201: user, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)));

  app.patch('/api/admin/users/:id', {
    schema: {
      summary: 'Change, disable, unlock or reset the second factor of an account',
      tags,
      params: uuidParam,
      body: z.strictObject({
        displayName: displayName.optional(),
        roleId: roleId.optional(),
        disabled: z.boolean().optional(),
        unlock: z.literal(true).optional(),
        resetSecondFactor: z.literal(true).optional(),
      }),
      response: { 200: user, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateUser(request.ctx, { id: request.params.id, ...request.body }));
}
