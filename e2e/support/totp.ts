import fs from 'node:fs';
import path from 'node:path';
import { authenticator } from 'otplib';
import { inject } from 'vitest';

/** The documented TOTP secret of the pre-enrolled demo users. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const STEP_MS = 30_000;

function storeFile(): string {
  return path.join(inject('stateDir'), 'totp-steps.json');
}

function readStore(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(storeFile(), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A valid code for `account` that the server has not seen yet. The server accepts one step of
 * drift and refuses any step at or before the last accepted one (no replays), so consecutive
 * sign-ins of the same account use the next step, waiting when even that has been used. The
 * last step per account is kept in a file, shared by all test files of the run.
 */
export async function freshTotpCode(account: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const store = readStore();
  const now = Date.now();
  const current = Math.floor(now / STEP_MS);
  const step = Math.max(current, (store[account] ?? -Infinity) + 1);
  if (step > current + 1) {
    // Wait until `step` is at most one step ahead, plus a margin.
    const waitMs = (step - 1) * STEP_MS - now + 500;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  store[account] = step;
  fs.writeFileSync(storeFile(), JSON.stringify(store));
  return authenticator.clone({ epoch: step * STEP_MS + 1_000 }).generate(secret);
}

/** A 6-digit code that is certainly wrong for the secret now (no step in the window matches). */
export function wrongTotpCode(secret = DEMO_TOTP_SECRET): string {
  const now = Date.now();
  const valid = new Set([-1, 0, 1, 2].map((offset) => authenticator.clone({ epoch: now + offset * STEP_MS }).generate(secret)));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(123456 + candidate * 7919).padStart(6, '0').slice(-6);
    if (!valid.has(code)) return code;
  }
}
