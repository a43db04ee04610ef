/**
 * Masks contact identifiers inside free text shown in lists (cluster reasons, today's list): phone
 * numbers keep at most their last two digits, e-mail addresses and messenger handles keep nothing that
 * identifies them. Cluster pages show numbers only through an audited reveal.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** `platform:handle` as the engine writes handles (telegram:anna_x), and bare @handles. */
const HANDLE = /\b([a-z][a-z0-9-]{1,19}):(?!\/\/)([^\s,;()]+)/giu;
const AT_HANDLE = /(^|[\s(,;])@[\p{L}\p{N}_.]{2,}/gu;
/** A run of digits with the usual separators; masked when it holds six or more digits. */
const DIGITS = /\+?\d[\d\s().\-/]{4,}\d/g;

export function maskPhone(e164OrDigits: string): string {
  const digits = e164OrDigits.replace(/\D/g, '');
  return `…${digits.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  const first = at > 0 ? email[0] : '';
  return `${first}•••@•••`;
}

export function maskHandle(handle: string): string {
  const colon = handle.indexOf(':');
  const platform = colon > 0 ? handle.slice(0, colon) : '';
  const name = colon > 0 ? handle.slice(colon + 1) : handle.replace(/^@/, '');
  return `${platform ? `${platform}:` : '@'}${name.slice(0, 1)}•••`;
}

export function maskIdentifiers(text: string): string {
  return text
    .replace(EMAIL, (m) => maskEmail(m))
    .replace(HANDLE, (m, platform: string) => (/^(https?|photo)$/i.test(platform) ? m : maskHandle(m)))
    .replace(AT_HANDLE, (_m, lead: string) => `${lead}@•••`)
    .replace(DIGITS, (m) => (m.replace(/\D/g, '').length >= 6 ? maskPhone(m) : m));
}

export type Reason = { code: string; weight: number; evidence: string };

export function maskReasons(reasons: readonly Reason[]): Reason[] {
  return reasons.map((r) => ({ code: r.code, weight: r.weight, evidence: maskIdentifiers(r.evidence) }));
}
