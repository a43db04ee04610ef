import type { ReactNode } from 'react';
import { useSession } from '../api/session.ts';
import { ForbiddenPage } from '../pages/ErrorPages.tsx';

/** Renders an admin page only for users holding its grant (the API checks again, of course). */
export function RequireGrant({ grant, children }: { grant: string; children: ReactNode }) {
  const session = useSession();
  if (!session?.user.grants.includes(grant)) return <ForbiddenPage />;
  return <>{children}</>;
}
