/**
 * The error catalogue: every expected failure has a stable code, one HTTP status (mapped here and
 * only here) and a default message. Domain code throws `DomainError`s with these codes; the HTTP
 * edge and the CLI translate them.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_REQUEST: { status: 400, message: 'The request body could not be read.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail address or password is wrong.' },
  INVALID_SECOND_FACTOR: { status: 401, message: 'The code is wrong or has expired.' },
  SECOND_FACTOR_REQUIRED: { status: 401, message: 'Complete the second sign-in step first.' },
  CSRF_FAILED: { status: 403, message: 'The request is missing a valid CSRF token (header x-csrf-token).' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  CONSENT_REQUIRED: { status: 409, message: 'There is no valid consent or legal basis for this purpose.' },
  CHALLENGE_FAILED: { status: 400, message: 'The anti-abuse check failed; reload the page and try again.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed attempts; the account is locked for a while.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a moment and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  NOT_READY: { status: 503, message: 'The service is starting or stopping.' },
  OPTED_OUT: { status: 409, message: 'This number has opted out of contact; it is never contacted again.' },
  UNSAFE_MESSAGE: { status: 422, message: 'The message breaks the safety rules for first contact.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One problem with one field of the input: `field` is a dotted path such as `body.email`. */
export type FieldProblem = { field: string; problem: string };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Not found.') => new DomainError('NOT_FOUND', what);
export const invalid = (field: string, problem: string) =>
  new DomainError('VALIDATION_FAILED', `${field}: ${problem}`, [{ field, problem }]);
export const conflict = (message: string, field?: string) =>
  new DomainError('CONFLICT', message, field ? [{ field, problem: message }] : []);
