import crypto from 'node:crypto';
import type { Ctx } from '../context.ts';
import { derivedKey, hmacHex } from '../crypto/derived-keys.ts';
import { DomainError } from '../errors/catalogue.ts';

const LIFETIME_MS = 10 * 60 * 1000;

/**
 * Abuse resistance for the public intake without any outside service: the browser must find a
 * nonce so that SHA-256(challenge ":" nonce) starts with `difficulty` zero bits (about 2^difficulty
 * hashes: a second for a person, a real cost for a flood). Challenges are signed (HMAC) so the
 * server keeps no state until one is used, expire after ten minutes and are accepted once.
 */
export function issueChallenge(ctx: Pick<Ctx, 'keyring' | 'clock' | 'config'>) {
  const bits = ctx.config.publicPowBits;
  const id = crypto.randomBytes(12).toString('base64url');
  const expires = ctx.clock.now().getTime() + LIFETIME_MS;
  const body = `${id}.${expires}.${bits}`;
  return { challenge: `${body}.${hmacHex(derivedKey(ctx.keyring, 'public-challenge'), body)}`, difficulty: bits };
}

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

/** Checks a solved challenge and marks it used (in the caller's transaction). */
export async function redeemChallenge(ctx: Ctx, challenge: string, nonce: string): Promise<void> {
  const fail = (why: string) => new DomainError('CHALLENGE_FAILED', `The anti-abuse check failed (${why}); reload the page and try again.`);
  const [id, expires, bits, mac] = challenge.split('.');
  if (!id || !expires || !bits || !mac) throw fail('malformed challenge');
  const body = `${id}.${expires}.${bits}`;
  const expected = hmacHex(derivedKey(ctx.keyring, 'public-challenge'), body);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw fail('unknown challenge');
  const now = ctx.clock.now();
  if (Number(expires) < now.getTime()) throw fail('expired');
  if (!/^\d{1,20}$/.test(nonce)) throw fail('malformed answer');
  const hash = crypto.createHash('sha256').update(`${challenge}:${nonce}`).digest();
  if (leadingZeroBits(hash) < Number(bits)) throw fail('wrong answer');
  await ctx.db.deleteFrom('public_challenges_used').where('expires_at', '<', now).execute();
  const used = await ctx.db
    .insertInto('public_challenges_used')
    .values({ challenge_id: id, expires_at: new Date(Number(expires)) })
    .onConflict((oc) => oc.column('challenge_id').doNothing())
    .returning('challenge_id')
    .executeTakeFirst();
  if (!used) throw fail('already used');
}

/** Solves a challenge (for tests, the CLI and benchmarks; the browser has its own copy). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(crypto.createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty) return String(nonce);
  }
}
