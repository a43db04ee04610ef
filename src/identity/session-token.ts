import crypto from 'node:crypto';

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Only the hash of a session token is stored: a copy of the database does not hold live sessions. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
