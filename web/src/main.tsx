import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';
import './i18n/index.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setSignedOutHandler } from './api/client.ts';
import { clearAfterSignOut } from './api/session.ts';
import { AnnouncerProvider } from './components/Announcer.tsx';
import { LocaleSync } from './components/LocaleSync.tsx';
import { rememberTarget } from './lib/after-login.ts';
import { createAppRouter } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (403, 404, ...) will not change on a retry; server hiccups might.
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const router = createAppRouter(queryClient);

// A request answered "not signed in" means the session ended (expired, revoked elsewhere).
setSignedOutHandler(() => {
  rememberTarget(router.state.location.href);
  clearAfterSignOut(queryClient);
  void router.navigate({ to: '/login' });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AnnouncerProvider>
        <LocaleSync />
        <RouterProvider router={router} />
      </AnnouncerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
