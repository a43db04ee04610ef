/**
 * The original file name as the uploader's system gave it, without any folder part and without
 * control characters; null when nothing usable is left. Stored encrypted (a name can identify the
 * person: "passport-maria.pdf").
 */
export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // oxlint-disable-next-line no-control-regex -- removing control characters is the point
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().normalize('NFC');
  if (!name || name === '.' || name === '..') return null;
  return name;
}

/**
 * A Content-Disposition header that is safe whatever the name holds: an ASCII fallback with quotes,
 * backslashes and non-ASCII replaced, and the exact name as RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
