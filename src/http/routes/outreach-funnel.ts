import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Online outreach (funnel): being built (issue 6). */
export async function outreachFunnelRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>();
}
