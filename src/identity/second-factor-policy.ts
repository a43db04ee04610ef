import type { Config } from '../config.ts';

/** Whether a role must use a second factor, per BAKEN_REQUIRE_2FA. */
export function secondFactorRequired(config: Pick<Config, 'require2fa'>, seesPersonalData: boolean): boolean {
  if (config.require2fa === 'all') return true;
  if (config.require2fa === 'none') return false;
  return seesPersonalData;
}
