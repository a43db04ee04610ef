import crypto from 'node:crypto';

/**
 * Ingestion credentials of outreach sources: a random bearer token shown once; only its SHA-256 is
 * stored (outreach_sources.token_hash), with a short hint so an operator can tell credentials apart.
 */
const PREFIX = 'bkn_src_';

export function newSourceToken(): string {
  return `${PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashSourceToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The last four characters: enough to recognise a credential, useless for guessing it. */
export function sourceTokenHint(token: string): string {
  return `…${token.slice(-4)}`;
}

/** The token of an `Authorization: Bearer <token>` header, or null (missing, another scheme, implausible). */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1]! : null;
}
