import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Online outreach (handover to the referral mechanism): being built (issue 6). */
export async function outreachHandoverRoutes(root: FastifyInstance) {
  root.withTypeProvider<ZodTypeProvider>();
}
