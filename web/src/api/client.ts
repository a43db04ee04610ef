// The one place that talks HTTP to the API: same origin, cookies, JSON bodies, CSRF header on every
// non-GET request, and errors turned into `ApiError`s carrying the server's stable code.

export type FieldProblem = { field: string; problem: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can return to the sign-in page. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (response.ok) return json as T;

  const error = (json as { error?: { code?: string; message?: string; problems?: FieldProblem[]; requestId?: string } } | null)?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    Array.isArray(error?.problems) ? error.problems : [],
    error?.requestId,
  );
  if (response.status === 401 && (apiError.code === 'UNAUTHENTICATED' || apiError.code === 'SECOND_FACTOR_REQUIRED') && !path.startsWith('/api/auth/')) {
    onSignedOut?.();
  }
  throw apiError;
}

/** Builds a query string from the given values, leaving out empty ones. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Field problems keyed by the field name without the "body." / "query." prefix. */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const { field, problem } of error.problems) {
    const name = field.replace(/^(body|querystring|query|params)\./, '');
    result[name] = result[name] ? `${result[name]} ${problem}` : problem;
  }
  return result;
}
