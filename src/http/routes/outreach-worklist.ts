import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Online outreach (worklist): being built (issue 6). */
export async function outreachWorklistRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>();
}
