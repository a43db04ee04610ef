import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type HashedFields = {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: unknown;
};

/** hash_n = SHA-256(hash_{n-1} || canonical(entry_n)): altering or removing any entry breaks the chain. */
export function auditHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorOrganisationId: e.actorOrganisationId,
    actorLabel: e.actorLabel,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    purpose: e.purpose,
    outcome: e.outcome,
    ip: e.ip,
    requestId: e.requestId,
    details: e.details ?? {},
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
