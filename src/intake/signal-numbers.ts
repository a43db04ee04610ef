import crypto from 'node:crypto';
import type { Ctx } from '../context.ts';
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

/**
 * A number not yet in use. Random numbers collide now and then (one in a few hundred million per
 * pair); checking first (and the unique index as the last word) keeps that from ever failing a report.
 */
export async function freeNumber(db: Ctx['db'], table: 'signals' | 'cases', make: (now: Date) => string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = make(now);
    const clash =
      table === 'signals'
        ? await db.selectFrom('signals').select('id').where('number', '=', candidate).executeTakeFirst()
        : await db.selectFrom('cases').select('id').where('case_number', '=', candidate).executeTakeFirst();
    if (!clash) return candidate;
  }
  throw new Error(`Could not find a free ${table} number.`);
}
