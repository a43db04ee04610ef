import crypto from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

const STEP_MS = 30_000;

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/**
 * Checks a 6-digit code against the secret at `now`, allowing one step of clock drift either way.
 * Returns the matched time step, or null. Callers refuse steps at or before the last accepted one,
 * so a code cannot be replayed.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = now.getTime();
  const delta = authenticator.clone({ epoch, window: 1 }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(epoch / STEP_MS) + delta;
}

export function totpCode(secret: string, now: Date): string {
  return authenticator.clone({ epoch: now.getTime() }).generate(secret);
}

export async function enrolmentDetails(secret: string, accountName: string) {
  const otpauthUrl = authenticator.keyuri(accountName, 'Baken', secret);
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes like "k7mq-2xwp-ad" (about 50 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = crypto.randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}
