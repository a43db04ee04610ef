import crypto from 'node:crypto';
import { randomCode } from '../crypto/random-code.ts';

/** A signal's number for staff: `SIG-2026-7KQ4XM` (random, so it reveals nothing about volume). */
export const newSignalNumber = (now: Date) => `SIG-${now.getUTCFullYear()}-${randomCode(6)}`;

/** A case's pseudonymous number: `NRM-2026-7KQ4XM`. */
export const newCaseNumber = (now: Date) => `NRM-${now.getUTCFullYear()}-${randomCode(6)}`;

/**
 * The code a public reporter keeps to add information later: 16 characters (80 bits) in groups of
 * four. Only its SHA-256 is stored; guessing is hopeless at the rate limit of the public endpoints.
 */
export const newReferenceCode = () => randomCode(16).match(/.{4}/g)!.join('-');

export function normaliseReferenceCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export const hashReferenceCode = (code: string) => crypto.createHash('sha256').update(`baken-ref:${normaliseReferenceCode(code)}`).digest('hex');
