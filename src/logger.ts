import pino, { type Logger } from 'pino';

/**
 * Structured logs. Anything that could carry personal data or a secret is redacted by path, and
 * request logging (in the HTTP layer) logs method, route and status only, never bodies.
 */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'code',
  '*.code',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'email',
  '*.email',
  'name',
  '*.name',
  'displayName',
  '*.displayName',
  'phone',
  '*.phone',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'databaseUrl',
  '*.databaseUrl',
];

type LoggedRequest = { method?: string; url?: string; ip?: string };

/** Requests are logged by method and path only: query strings can hold search terms such as names. */
const serializers = {
  req: (req: LoggedRequest) => ({ method: req.method, path: req.url?.split('?')[0], ip: req.ip }),
};

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'baken' }, serializers }, destination);
}
