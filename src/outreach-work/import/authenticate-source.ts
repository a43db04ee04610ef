import { recordAudit } from '../../audit/record-audit.ts';
import type { Ctx } from '../../context.ts';
import { DomainError } from '../../errors/catalogue.ts';
import { bearerToken, hashSourceToken } from './source-token.ts';

export type AuthenticatedSource = { id: string; code: string };

const REFUSED = 'A valid source credential is required: Authorization: Bearer <token>.';

/**
 * The source whose active credential is the bearer token, or UNAUTHENTICATED. The answer is the same
 * for a missing, malformed, unknown and revoked token (revoking removes the hash, so a revoked token
 * is simply unknown). Refusals are audited without any part of the token.
 */
export async function authenticateSource(ctx: Ctx, authorization: string | undefined): Promise<AuthenticatedSource> {
  const token = bearerToken(authorization);
  const row = token
    ? await ctx.db.selectFrom('outreach_sources').select(['id', 'code']).where('token_hash', '=', hashSourceToken(token)).where('revoked_at', 'is', null).executeTakeFirst()
    : undefined;
  if (!row) {
    await recordAudit(ctx, { action: 'outreach-ingest.refused', resourceType: 'outreach-source', outcome: 'denied', details: { reason: token ? 'unknown-credential' : 'no-credential' } });
    throw new DomainError('UNAUTHENTICATED', REFUSED);
  }
  return row;
}
