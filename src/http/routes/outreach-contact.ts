import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Online outreach (contact): being built (issue 6). */
export async function outreachContactRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>();
}
