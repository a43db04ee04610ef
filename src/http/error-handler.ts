import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/record-audit.ts';
import { DomainError, ERROR_CATALOGUE, type ErrorCode, type FieldProblem } from '../errors/catalogue.ts';

/** The one place where errors become HTTP answers: `{error: {code, message, requestId, problems}}`. */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string, problems: FieldProblem[] = []) {
  return reply.status(ERROR_CATALOGUE[code].status).send({ error: { code, message, requestId: reply.request.id, problems } });
}

// Fastify's own errors for unreadable requests, by code.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if ((error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') && request.ctx?.actor.kind === 'user') {
      // Denials are part of the trail: who tried to reach what. Written outside the failed transaction.
      await recordAudit(request.ctx, {
        action: 'access.denied',
        resourceType: 'route',
        resourceId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        outcome: 'denied',
        details: { code: error.code, params: request.params as Record<string, unknown> },
      }).catch((e: unknown) => request.log.error({ err: e }, 'could not audit a denial'));
    }
    return sendError(reply, error.code, error.message, error.problems);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const problems = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      problem: v.message ?? 'is not valid',
    }));
    const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
    return sendError(reply, 'VALIDATION_FAILED', `The request is not valid: ${summary}`, problems);
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendError(reply, mapped, error.message);
  if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED', ERROR_CATALOGUE.RATE_LIMITED.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, 'MALFORMED_REQUEST', error.message);
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendError(reply, 'INTERNAL', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`);
}
