import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRoles } from '../../roles/list-roles.ts';
import { createRole, updateRole } from '../../roles/save-role.ts';
import { errors, grant, scope } from '../schemas.ts';

const role = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scope: z.string(),
  seesPersonalData: z.boolean(),
  builtIn: z.boolean(),
  grants: z.array(z.string()),
  userCount: z.number(),
});
const name = z.string().trim().min(2).max(100);
const description = z.string().trim().max(500);
const grants = z.array(grant).max(500);

export async function adminRoleRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  app.get('/api/admin/roles', {
    schema: {
      summary: 'Roles with their grants and record scope, and the catalogue of grantable resources',
      tags,
      response: { 200: z.object({ items: z.array(role), resources: z.array(z.object({ resource: z.string(), actions: z.array(z.string()) })) }), ...errors(401, 403) },
    },
  }, async (request) => listRoles(request.ctx));

  const findRole = async (request: { ctx: Parameters<typeof listRoles>[0] }, id: string) =>
    (await listRoles(request.ctx)).items.find((r) => r.id === id)!;

  app.post('/api/admin/roles', {
    schema: {
      summary: 'Create a role',
      tags,
      body: z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'use lower-case letters, digits and dashes'),
        name,
        description: description.optional(),
        scope,
        seesPersonalData: z.boolean(),
        grants,
      }),
      response: { 201: role, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    await createRole(request.ctx, request.body);
    return reply.status(201).send(await findRole(request, request.body.id));
  });

  app.put('/api/admin/roles/:id', {
    schema: {
      summary: "Replace a role's grants (and optionally name, description, scope)",
      tags,
      params: z.strictObject({ id: z.string().max(63) }),
      body: z.strictObject({ name: name.optional(), description: description.optional(), scope: scope.optional(), seesPersonalData: z.boolean().optional(), grants }),
      response: { 200: role, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await updateRole(request.ctx, { id: request.params.id, ...request.body });
    return findRole(request, request.params.id);
  });
}
