import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './client.ts';
import type { Session } from './types.ts';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when signed out. Also keeps the CSRF token for the API client. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api<Session>('GET', '/api/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

/** Fetches the session afresh (after sign-in steps, language or 2FA changes). */
export async function refreshSession(queryClient: QueryClient): Promise<Session | null> {
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

/** Forgets everything cached for the previous user. */
export function clearAfterSignOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function can(session: Session | null, grant: string): boolean {
  return !!session?.user.grants.includes(grant);
}
