import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Online outreach (import): being built (issue 6). */
export async function outreachImportRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>();
}
